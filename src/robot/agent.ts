import type { HostServices, RunRequest, StartRun } from '../engine/types.js';
import { ConsumeJobErrorCode, HeartbeatErrorCode, JobStatus, RobotStatus } from '../orchestrator/protocol.js';
import type { AppStore } from '../store/appStore.js';
import { createBackoff, sleep } from '../util/backoff.js';
import { createOutboxWorker } from '../store/outboxWorker.js';
import { createOutboxWriter } from '../store/outboxWriter.js';
import { MIN_WORKING_HEARTBEAT_MS, type RobotSettings } from '../store/robotSettings.js';
import { startAttendedRun, type AttendedRun } from './attended.js';
import type { JobJournal } from './jobJournal.js';
import { runJob, type JobEvent } from './jobRunner.js';
import type { RobotJob, RobotHeartbeat, RobotLink } from './linkTypes.js';
import { recoverInterruptedRuns } from './recovery.js';
import { createAgentStatus, type AgentStatus } from './status.js';

/**
 * The robot agent: the seed's algorithm (shared/seeds/004), as a long-running loop.
 *   1. heartbeat(Status 2)           — 101: "not registered", retried with backoff
 *   2. HasNewJob=1 → consumeNextJob  — 102: back to waiting
 *   3–5. run the job (jobRunner.ts)  — job/update(8), working heartbeats, job/update(final)
 *   6. heartbeat(Status 2), back to 2
 * Everything but heartbeats and consumeNextJob goes through the durable outbox.
 */

/** Delivered outbox rows are kept this long (for audit), then pruned when the robot starts. */
const KEEP_DELIVERED_MS = 7 * 24 * 3600_000;
/** A job failing sooner than this most likely fails every time (a broken package, a missing file). */
const FAST_FAILURE_MS = 15_000;

export type RobotAgentOptions = {
  link: RobotLink;
  store: AppStore;
  settings: RobotSettings;
  dataDir: string;
  startRun: StartRun;
  hostServices(journal: JobJournal, job?: RobotJob): HostServices;
  /** The seed's framework literally: one pass, exit when there is no job. */
  once?: boolean;
  /** Overrides settings.workingHeartbeatMs; still never below the 10 s floor. */
  workingHeartbeatMs?: number;
  /**
   * TEST ONLY: lowers the protocol's 10 s floor for working heartbeats so tests finish quickly.
   * A real robot must never set it: the Orchestrator expects at most one heartbeat per 10 s.
   */
  testOnlyWorkingHeartbeatFloorMs?: number;
  /**
   * Delays after any failed call — unreachable, garbage, unknown robot, an unexpected code —
   * and between jobs that fail at once (default 1 s doubling to 60 s, with jitter).
   */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** A job that ends Failed within this long "failed at once"; two in a row pause the robot (default 15 s). */
  fastFailureMs?: number;
  outboxRetryInitialMs?: number;
  outboxRetryMaxMs?: number;
  /** How long stopping waits for the outbox to drain before leaving the rest for next start. */
  drainOnStopMs?: number;
  onStatus?(status: AgentStatus): void;
};

export type RobotAgent = {
  /** Runs until stop() (or, with `once`, until there is no job). Resolves with an exit code. */
  run(): Promise<number>;
  /** Soft-stops a running job, delivers what it can, and ends run(). */
  stop(): Promise<void>;
  /** Aborts a running job at once (a second Ctrl+C). */
  abortJob(): void;
  status(): AgentStatus;
  /** The effective interval of working heartbeats (never below 10 s outside tests). */
  readonly workingHeartbeatMs: number;
  /** A run the user started locally, reported as attended (JobType 2). */
  runAttended(request: RunRequest): AttendedRun;
};

export function createRobotAgent(options: RobotAgentOptions): RobotAgent {
  const { link, store, settings } = options;
  const floor = options.testOnlyWorkingHeartbeatFloorMs ?? MIN_WORKING_HEARTBEAT_MS;
  const workingHeartbeatMs = Math.max(options.workingHeartbeatMs ?? settings.workingHeartbeatMs, floor);
  const stopping = new AbortController();
  // Reset only by a call that got what it wanted: a heartbeat that then fails to consume is no success.
  const retry = createBackoff(options.retryInitialMs ?? 1000, options.retryMaxMs ?? 60_000);
  const jobPause = createBackoff(options.retryInitialMs ?? 1000, options.retryMaxMs ?? 60_000);
  const fastFailureMs = options.fastFailureMs ?? FAST_FAILURE_MS;
  let fastFailures = 0;
  const worker = createOutboxWorker({
    outbox: store.outbox,
    robotGuid: link.robotGuid,
    deliver: (item) => link.deliver(item),
    classify: (error) => link.classifyDeliveryError(error),
    retryInitialMs: options.outboxRetryInitialMs,
    retryMaxMs: options.outboxRetryMaxMs,
  });
  const writer = createOutboxWriter({ outbox: store.outbox, robotGuid: link.robotGuid, onWritten: worker.wake });
  const status = createAgentStatus({
    backlog: () => store.outbox.backlog(link.robotGuid),
    outboxError: () => worker.state().lastError,
    onChange: options.onStatus,
  });
  let currentAbort: (() => void) | null = null;
  let attended: AttendedRun | null = null;
  let busyWithJob = false;
  let loop: Promise<number> | null = null;

  const onJobEvent = (event: JobEvent) => {
    if (event.type === 'started') status.set({ state: 'working', job: { guid: event.job.jobGuid, name: event.job.jobName, kind: event.kind } });
    else if (event.type === 'pid') status.set({ job: { ...status.get().job!, pid: event.pid } });
    else if (event.type === 'heartbeat') status.set({ lastHeartbeatAt: event.at, message: '' });
    else if (event.type === 'heartbeatFailed') status.set({ message: `heartbeat failed: ${event.reason}` });
    else if (event.type === 'command') status.set({ message: `${event.source === 'orchestrator' ? 'Orchestrator' : 'robot'} asked to ${event.command}` });
  };

  async function heartbeatReady(): Promise<RobotHeartbeat | null> {
    try {
      const answer = await link.heartbeat(RobotStatus.Ready);
      const recovering = ['offline', 'notRegistered', 'starting'].includes(status.get().state);
      status.set(recovering ? { state: 'idle', message: '', lastHeartbeatAt: Date.now() } : { lastHeartbeatAt: Date.now() });
      return answer;
    } catch (error) {
      status.set({ state: 'offline', job: null, message: `Orchestrator ${link.orchestratorUrl} unreachable: ${link.describeError(error)}` });
      return null;
    }
  }

  const notRegistered = () =>
    status.set({ state: 'notRegistered', job: null, message: `robot ${link.robotGuid} is not registered on ${link.orchestratorUrl}` });

  /** Waits after a failure; false when the robot should give up (once mode) or is stopping. */
  async function backOff(): Promise<boolean> {
    if (options.once) return false;
    await sleep(retry.next(), stopping.signal);
    return !stopping.signal.aborted;
  }

  async function executeJob(job: RobotJob, lastHeartbeatAt: number): Promise<JobStatus> {
    const jobAbort = new AbortController();
    currentAbort = () => jobAbort.abort();
    try {
      const { status: final } = await runJob(
        {
          link,
          writer,
          runs: store.runs,
          settings,
          dataDir: options.dataDir,
          startRun: options.startRun,
          hostServices: options.hostServices,
          workingHeartbeatMs,
          signal: stopping.signal,
          abortSignal: jobAbort.signal,
          onJobEvent,
        },
        job,
        lastHeartbeatAt,
      );
      return final;
    } finally {
      currentAbort = null;
    }
  }

  /**
   * An Orchestrator that keeps handing out a job that fails at once would get a request storm:
   * after two such jobs in a row the robot waits (1 s doubling to 60 s) and says why.
   */
  async function pauseAfterFastFailures(job: RobotJob, final: JobStatus, tookMs: number): Promise<void> {
    if (final !== JobStatus.Failed || tookMs >= fastFailureMs) {
      fastFailures = 0;
      jobPause.reset();
      return;
    }
    fastFailures++;
    if (fastFailures < 2 || options.once) return;
    const wait = jobPause.next();
    status.set({
      state: 'idle',
      job: null,
      message: `${fastFailures} jobs in a row failed at once (last: ${job.jobName}, ${job.jobGuid}); waiting ${(wait / 1000).toFixed(1)} s before taking the next job`,
    });
    await sleep(wait, stopping.signal);
  }

  async function loopOnce(): Promise<'continue' | 'exit' | 'fail'> {
    if (attended) {
      await attended.reported;
      return 'continue';
    }
    const answer = await heartbeatReady();
    if (!answer) return (await backOff()) ? 'continue' : 'fail';
    if (answer.code === HeartbeatErrorCode.RobotNotFound) {
      notRegistered();
      return (await backOff()) ? 'continue' : 'fail';
    }
    if (!answer.hasNewJob || attended) {
      retry.reset();
      status.set({ state: 'idle', job: null, message: '' });
      if (options.once) return 'exit';
      await sleep(settings.pollIntervalMs, stopping.signal);
      return 'continue';
    }
    busyWithJob = true;
    try {
      let consumed;
      try {
        consumed = await link.consumeNextJob();
      } catch (error) {
        status.set({ state: 'offline', message: `consumeNextJob failed: ${link.describeError(error)}` });
        return (await backOff()) ? 'continue' : 'fail';
      }
      if (consumed.code === ConsumeJobErrorCode.RobotNotFound) {
        notRegistered();
        return (await backOff()) ? 'continue' : 'fail';
      }
      if (consumed.code === ConsumeJobErrorCode.NoNewJob) {
        // 102: the job went elsewhere (or was cancelled) between heartbeat and consume.
        retry.reset();
        status.set({ state: 'idle', job: null, message: '' });
        if (options.once) return 'exit';
        await sleep(settings.pollIntervalMs, stopping.signal);
        return 'continue';
      }
      if (consumed.code !== ConsumeJobErrorCode.NoError || !consumed.job) {
        status.set({ state: 'idle', job: null, message: `consumeNextJob answered code ${consumed.code} without a job${consumed.errorText ? `: ${consumed.errorText}` : ''}` });
        return (await backOff()) ? 'continue' : 'fail';
      }
      retry.reset();
      const began = Date.now();
      const final = await executeJob(consumed.job, status.get().lastHeartbeatAt ?? Date.now());
      status.set({ state: 'idle', job: null });
      // The seed sends job/update(final) before heartbeat(Ready): give the outbox a moment to
      // deliver it first (bounded — an unreachable Orchestrator must not hold the loop).
      await worker.drain(Math.min(workingHeartbeatMs, MIN_WORKING_HEARTBEAT_MS));
      // Step 6 is the next iteration's Ready heartbeat; when stopping, send it here instead.
      if (stopping.signal.aborted) await heartbeatReady();
      else {
        busyWithJob = false;
        await pauseAfterFastFailures(consumed.job, final, Date.now() - began);
      }
      return 'continue';
    } finally {
      busyWithJob = false;
    }
  }

  async function run(): Promise<number> {
    status.set({ state: 'starting', message: '' });
    store.outbox.pruneDelivered(KEEP_DELIVERED_MS);
    const recovered = recoverInterruptedRuns({ writer, runs: store.runs, robotGuid: link.robotGuid });
    if (recovered.length) status.set({ message: `reported ${recovered.length} interrupted job(s) as Failed` });
    worker.start();
    let exitCode = 0;
    try {
      while (!stopping.signal.aborted) {
        const next = await loopOnce();
        if (next === 'exit') break;
        if (next === 'fail') {
          exitCode = stopping.signal.aborted ? 0 : 1;
          break;
        }
      }
    } finally {
      writer.flush();
      const drainMs = options.drainOnStopMs ?? (options.once ? 30_000 : 5_000);
      await worker.drain(drainMs);
      await worker.stop();
      status.set({ state: 'stopped', job: null });
    }
    return exitCode;
  }

  return {
    run() {
      loop ??= run();
      return loop;
    },
    async stop() {
      if (status.get().state !== 'stopped') status.set({ state: 'stopping' });
      stopping.abort();
      await loop;
      await attended?.reported;
      writer.flush();
      await worker.stop();
      status.set({ state: 'stopped', job: null });
    },
    abortJob: () => currentAbort?.(),
    status: () => status.get(),
    workingHeartbeatMs,
    runAttended(request) {
      if (busyWithJob || attended) {
        const job = status.get().job;
        throw new Error(`Robot ${link.robotGuid} is busy${job ? ` with ${job.name} (${job.guid})` : ''}; try again when it is done`);
      }
      // Attended runs report even when the job loop is not running.
      worker.start();
      const run = startAttendedRun(
        {
          link,
          writer,
          runs: store.runs,
          startRun: options.startRun,
          hostServices: (journal) => options.hostServices(journal),
          workingHeartbeatMs,
          signal: stopping.signal,
        },
        request,
      );
      attended = run;
      status.set({ state: 'working', job: { guid: run.runGuid, name: run.name, kind: 'attended' } });
      void run.reported.finally(() => {
        attended = null;
        status.set({ state: 'idle', job: null });
      });
      return run;
    },
  };
}
