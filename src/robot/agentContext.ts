import type { HostServices, StartRun } from '../engine/types.js';
import type { AppStore } from '../store/appStore.js';
import { createBackoff, type Backoff } from '../util/backoff.js';
import type { OutboxWorker } from '../store/outboxWorker.js';
import { createOutboxWriter, type OutboxWriter } from '../store/outboxWriter.js';
import { MIN_WORKING_HEARTBEAT_MS, type RobotSettings } from '../store/robotSettings.js';
import type { AttendedRun } from './attended.js';
import { linkOutboxWorker } from './link.js';
import type { JobJournal } from './jobJournal.js';
import type { RobotJob, RobotLink } from './linkTypes.js';
import { createAgentStatus, type AgentStatus } from './status.js';

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

/**
 * What the parts of the robot agent share (agent.ts ties them): its options, the outbox it
 * reports through, its status, the retry delay of failed calls, and what it is doing now.
 */
export type AgentContext = {
  options: RobotAgentOptions;
  link: RobotLink;
  store: AppStore;
  settings: RobotSettings;
  /** The effective interval of working heartbeats (never below the floor). */
  workingHeartbeatMs: number;
  stopping: AbortController;
  // Reset only by a call that got what it wanted: a heartbeat that then fails to consume is no success.
  retry: Backoff;
  worker: OutboxWorker;
  writer: OutboxWriter;
  status: ReturnType<typeof createAgentStatus>;
  /** What the robot is busy with: an attended run, or a job from taking it until it is reported. */
  now: { attended: AttendedRun | null; busyWithJob: boolean; abortJob: (() => void) | null };
};

export function createAgentContext(options: RobotAgentOptions): AgentContext {
  const { link, store, settings } = options;
  const floor = options.testOnlyWorkingHeartbeatFloorMs ?? MIN_WORKING_HEARTBEAT_MS;
  const worker = linkOutboxWorker(link, store.outbox, { initialMs: options.outboxRetryInitialMs, maxMs: options.outboxRetryMaxMs });
  return {
    options,
    link,
    store,
    settings,
    workingHeartbeatMs: Math.max(options.workingHeartbeatMs ?? settings.workingHeartbeatMs, floor),
    stopping: new AbortController(),
    retry: createBackoff(options.retryInitialMs ?? 1000, options.retryMaxMs ?? 60_000),
    worker,
    writer: createOutboxWriter({ outbox: store.outbox, robotGuid: link.robotGuid, onWritten: worker.wake }),
    status: createAgentStatus({
      backlog: () => store.outbox.backlog(link.robotGuid),
      outboxError: () => worker.state().lastError,
      onChange: options.onStatus,
    }),
    now: { attended: null, busyWithJob: false, abortJob: null },
  };
}
