import path from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import type { HostServices, RunEvent, RunHandle, RunRequest, StartRun } from '../engine/types.js';
import { OrchestratorClient } from '../orchestrator/client.js';
import { isOrchestratorError } from '../orchestrator/errors.js';
import { HeartbeatErrorCode, JobType, RobotStatus } from '../orchestrator/protocol.js';
import type { AppStore } from '../store/appStore.js';
import type { RunResultText, StoredProcess } from '../store/assistantStore.js';
import { sleep } from '../util/backoff.js';
import { createOutboxWorker, type OutboxWorker } from '../store/outboxWorker.js';
import { createOutboxWriter, type OutboxWriter } from '../store/outboxWriter.js';
import { MIN_WORKING_HEARTBEAT_MS } from '../store/robotSettings.js';
import { startAttendedRun } from './attended.js';
import { describeRunError, prepareVersion } from './cairnJob.js';
import { createRobotHostServices } from './hostServices.js';
import { createRobotLink } from './link.js';
import type { RobotLink } from './linkTypes.js';
import { recoverInterruptedRuns } from './recovery.js';

/**
 * The Assistant's robot on this desk: the Orchestrator connection it watches (a Ready heartbeat
 * every poll while idle), the published processes it lists (current version downloaded and cached
 * like `cairn robot` does), the durable outbox its attended runs report through, and the run
 * history it keeps. Without a connection runs still work and are kept in the history; they are
 * just not reported, and Orchestrator blocks say how to connect.
 */

export type DeskConnection = { url: string; robotGuid: string; insecureTls: boolean };

export type DeskConnectionState = {
  state: 'notConfigured' | 'connecting' | 'connected' | 'unreachable' | 'notRegistered';
  /** Since when the state holds (ms since epoch). */
  since: number | null;
  message: string;
  url: string | null;
  robotGuid: string | null;
  insecureTls: boolean;
  backlog: number;
  outboxError: string | null;
  lastDeliveryAt: number | null;
  lastHeartbeatAt: number | null;
  /** The Orchestrator refused attended-run reports (JobType 2): runs report their logs only. */
  attendedRefused: boolean;
};

export type DeskRunOptions = {
  process: StoredProcess;
  /** Project folder to run (its main scenario). */
  target: string;
  /** Typed `in` arguments, and the same with secrets masked for the history. */
  args: Record<string, unknown>;
  maskedArgs: Record<string, unknown>;
  /** Host services beyond the Orchestrator's (dialogs), for the run with this id. */
  services(runId: () => string): HostServices;
  /** The title of a block for messages ("Read invoices"), given its id and scenario. */
  stepTitle(blockId: string, scenario?: string): string;
  createJobRecord: boolean;
  /** A failed run gets a screenshot of the screen (history and Orchestrator). */
  screenshotOnCrash: boolean;
};

export type DeskRun = { runId: string; runGuid: string; processId: string; name: string; startedAt: number; handle: RunHandle; done: Promise<RunResultText> };

export type DeskOptions = {
  store: AppStore;
  dataDir: string;
  startRun: StartRun;
  pollIntervalMs?: number;
  workingHeartbeatMs?: number;
  /** TEST ONLY: lowers the protocol's 10 s floor of working heartbeats. */
  testOnlyWorkingHeartbeatFloorMs?: number;
  outboxRetryMaxMs?: number;
  /** Takes a PNG of the screen (for "screenshot when a run crashes"). */
  captureScreen?(): Promise<Buffer>;
  onRunEvent?(runId: string, event: RunEvent): void;
  onChange?(what: 'connection' | 'processes' | 'history'): void;
  warn?(line: string): void;
};

export type DeskRobot = {
  configure(connection: DeskConnection | null): void;
  connection(): DeskConnectionState;
  /** Heartbeat and process-list sync now (the settings page's "Check now"). */
  refresh(): Promise<void>;
  start(options: DeskRunOptions): DeskRun;
  active(): DeskRun | null;
  close(): Promise<void>;
};

const NO_CONNECTION_METHODS = [
  'orchestrator.assetGet',
  'orchestrator.assetSet',
  'orchestrator.credentialGet',
  'orchestrator.taskCreate',
  'orchestrator.taskNext',
  'orchestrator.taskSetStatus',
  'orchestrator.log',
  'orchestrator.screenshot',
];

/** Orchestrator blocks in a run with no connection: a message that says how to connect. */
export function disconnectedOrchestratorServices(where: string): HostServices {
  const services: HostServices = {};
  for (const method of NO_CONNECTION_METHODS) {
    services[method] = async () => {
      throw new Error(`This run has no Orchestrator connection, so "${method}" cannot work. ${where}`);
    };
  }
  return services;
}

export const ASSISTANT_CONNECT_HINT =
  'Connect the Assistant in Settings → Orchestrator (URL and robot GUID), or run with `cairn run --orchestrator URL --guid GUID`.';

type Session = {
  connection: DeskConnection;
  link: RobotLink;
  services: OrchestratorClient;
  worker: OutboxWorker;
  writer: OutboxWriter;
  stop: AbortController;
  loop: Promise<void>;
};

export function createDeskRobot(options: DeskOptions): DeskRobot {
  const { store } = options;
  const pollMs = options.pollIntervalMs ?? 10_000;
  const floor = options.testOnlyWorkingHeartbeatFloorMs ?? MIN_WORKING_HEARTBEAT_MS;
  const workingHeartbeatMs = Math.max(options.workingHeartbeatMs ?? MIN_WORKING_HEARTBEAT_MS, floor);
  const changed = (what: 'connection' | 'processes' | 'history') => options.onChange?.(what);
  let session: Session | null = null;
  let current: DeskRun | null = null;
  let attendedRefused = false;
  let state: Pick<DeskConnectionState, 'state' | 'since' | 'message' | 'lastHeartbeatAt'> = {
    state: 'notConfigured',
    since: null,
    message: '',
    lastHeartbeatAt: null,
  };
  const lastDelivery = store.db.prepare('SELECT MAX(delivered_at) AS at FROM outbox WHERE robot_guid = ? AND rejected = 0');

  const setState = (next: DeskConnectionState['state'], message = '') => {
    const before = state;
    state = { ...state, state: next, message, since: before.state === next ? before.since : Date.now() };
    if (before.state !== next || before.message !== message) changed('connection');
  };

  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

  async function syncProcesses(s: Session): Promise<void> {
    const listed = await s.services.listProcesses();
    const keep = new Set<string>();
    for (const process of listed) {
      const versionGuid = String(process.raw.current_version_guid ?? process.raw.currentVersionGuid ?? '');
      if (!versionGuid) continue;
      const dir = await prepareVersion({
        versionGuid,
        cacheDir: path.join(options.dataDir, 'versions'),
        download: (guid) => s.services.downloadVersion(guid),
      });
      const id = `orchestrator:${process.guid}`;
      keep.add(id);
      const existing = store.assistant.process(id);
      if (existing?.versionGuid === versionGuid && existing.path === dir) continue;
      store.assistant.upsertProcess({
        id,
        kind: 'orchestrator',
        path: dir,
        name: process.name || process.guid,
        description: process.description,
        processGuid: process.guid,
        versionGuid,
        versionName: String(process.raw.current_version_name ?? ''),
      });
      changed('processes');
    }
    for (const process of store.assistant.processes()) {
      if (process.kind === 'orchestrator' && !keep.has(process.id)) {
        store.assistant.removeProcess(process.id);
        changed('processes');
      }
    }
  }

  async function poll(s: Session): Promise<void> {
    try {
      const answer = await s.link.heartbeat(RobotStatus.Ready);
      state.lastHeartbeatAt = Date.now();
      if (answer.code === HeartbeatErrorCode.RobotNotFound) {
        setState('notRegistered', `Robot ${s.connection.robotGuid} is not registered on ${s.connection.url}`);
        return;
      }
      setState('connected');
    } catch (error) {
      setState('unreachable', `${s.connection.url} does not answer: ${describe(error)}`);
      return;
    }
    try {
      await syncProcesses(s);
    } catch (error) {
      setState('connected', `Could not read the published processes: ${describe(error)}`);
    }
  }

  async function loop(s: Session): Promise<void> {
    while (!s.stop.signal.aborted) {
      // A run heartbeats by itself (Status 3); a Ready heartbeat in between would lie.
      if (!current) await poll(s);
      await sleep(pollMs, s.stop.signal);
    }
  }

  async function endSession(): Promise<void> {
    const s = session;
    session = null;
    if (!s) return;
    s.stop.abort();
    await s.loop;
    s.writer.flush();
    await s.worker.drain(2000);
    await s.worker.stop();
  }

  /** Heartbeats of attended runs; an Orchestrator that refuses JobType 2 gets plain ones after. */
  function attendedLink(s: Session, onRefused: () => void): RobotLink {
    return {
      ...s.link,
      async heartbeat(status, job) {
        try {
          const answer = await s.link.heartbeat(status, attendedRefused ? undefined : job);
          state.lastHeartbeatAt = Date.now();
          if (state.state !== 'connected') setState('connected');
          return answer;
        } catch (error) {
          if (job?.type === JobType.Attended && !attendedRefused && isOrchestratorError(error, 'rejected')) {
            attendedRefused = true;
            onRefused();
            changed('connection');
            return s.link.heartbeat(status);
          }
          setState('unreachable', `${s.connection.url} does not answer: ${describe(error)}`);
          throw error;
        }
      },
    };
  }

  async function crashScreenshot(runGuid: string, s: Session | null): Promise<void> {
    try {
      if (!options.captureScreen) throw new Error('this app cannot take screenshots');
      const png = await options.captureScreen();
      store.assistant.screenshot(runGuid, png, 'The screen when the run failed');
      s?.writer.write({ kind: 'screenshot', jobGuid: runGuid, pngBase64: png.toString('base64'), note: 'The screen when the run failed', at: Date.now() });
    } catch (error) {
      store.assistant.log(runGuid, 'warn', `No screenshot of the failure: ${describe(error)}`);
    }
  }

  /**
   * A web block that failed left a screenshot of its page: it always goes into the run's history,
   * and to the Orchestrator when the user asked for screenshots of failed runs. Without one, that
   * option takes the screen instead.
   */
  async function failureScreenshots(runGuid: string, s: Session | null, pageFile: string | undefined, send: boolean): Promise<void> {
    const png = pageFile === undefined ? undefined : await readFile(pageFile).catch(() => undefined);
    if (pageFile !== undefined) await rm(pageFile, { force: true });
    if (png === undefined) {
      if (send) await crashScreenshot(runGuid, s);
      return;
    }
    const note = 'The page when the web block failed';
    store.assistant.screenshot(runGuid, png, note);
    if (send) s?.writer.write({ kind: 'screenshot', jobGuid: runGuid, pngBase64: png.toString('base64'), note, at: Date.now() });
  }

  function start(run: DeskRunOptions): DeskRun {
    if (current) throw new Error(`The robot is busy with "${current.name}"; wait for it to finish or stop it first`);
    const s = session;
    const name = run.process.name;
    let runId = '';
    const dialogServices = run.services(() => runId);
    const request: RunRequest = {
      target: run.target,
      name,
      args: run.args,
      // Debug mode without breakpoints: what makes Pause/Resume possible; trace: the current step.
      mode: 'debug',
      debug: { breakpoints: [] },
      trace: true,
    };
    let handle: RunHandle;
    let runGuid: string;
    let reported: Promise<unknown> = Promise.resolve();
    if (s) {
      let runLog: ((line: string) => void) | null = null;
      const attended = startAttendedRun(
        {
          link: attendedLink(s, () => runLog?.('The Orchestrator does not accept attended-run reports (JobType 2); this run reports its log lines only.')),
          writer: s.writer,
          runs: store.runs,
          startRun: options.startRun,
          hostServices: (journal) => {
            runLog = (line) => journal.log('Warning', line);
            return { ...createRobotHostServices(s.services, journal), ...dialogServices };
          },
          workingHeartbeatMs,
          reportAsJob: () => run.createJobRecord && !attendedRefused,
        },
        request,
      );
      handle = attended.handle;
      runGuid = attended.runGuid;
      reported = attended.reported;
    } else {
      handle = options.startRun(request, { ...disconnectedOrchestratorServices(ASSISTANT_CONNECT_HINT), ...dialogServices });
      runGuid = handle.runId;
    }
    runId = handle.runId;
    const startedAt = Date.now();
    store.assistant.beginRun({ runGuid, processId: run.process.id, name, args: run.maskedArgs, reported: s !== null });
    changed('history');
    const levels: Record<string, string> = { debug: 'debug', info: 'info', warn: 'warn', error: 'error' };
    handle.onEvent((event) => {
      if (event.type === 'log') store.assistant.log(runGuid, levels[event.level] ?? 'info', event.message, event.at);
      options.onRunEvent?.(runId, event);
    });
    const done = handle.done.then(
      async (summary) => {
        const error = summary.error;
        if (summary.result === 'failed') await failureScreenshots(runGuid, s, error?.screenshot, run.screenshotOnCrash);
        store.assistant.finishRun(runGuid, {
          result: summary.result,
          outputs: summary.outputs,
          errorStep: error?.blockId ? run.stepTitle(error.blockId, error.scenario) : undefined,
          errorMessage: error ? (error.blockId ? error.message : describeRunError(error)) : undefined,
        });
        await reported.catch(() => undefined);
        return summary.result;
      },
      (error: unknown) => {
        store.assistant.finishRun(runGuid, { result: 'failed', outputs: {}, errorMessage: describe(error) });
        return 'failed' as const;
      },
    );
    const deskRun: DeskRun = { runId, runGuid, processId: run.process.id, name, startedAt, handle, done };
    current = deskRun;
    void done.finally(() => {
      if (current === deskRun) current = null;
      changed('history');
    });
    return deskRun;
  }

  store.assistant.closeInterrupted('The Assistant stopped while this run was going (the app was closed or crashed).');

  return {
    configure(connection) {
      const previous = session;
      const same =
        previous &&
        connection &&
        previous.connection.url === connection.url &&
        previous.connection.robotGuid === connection.robotGuid &&
        previous.connection.insecureTls === connection.insecureTls;
      if (same) return;
      void endSession();
      attendedRefused = false;
      if (!connection) {
        setState('notConfigured');
        return;
      }
      const base = { url: connection.url, robotGuid: connection.robotGuid, insecure: connection.insecureTls, warn: options.warn };
      const control = new OrchestratorClient({ ...base, retries: 0, timeoutMs: 10_000 });
      const services = new OrchestratorClient(base);
      const link = createRobotLink(control, services);
      const worker = createOutboxWorker({
        outbox: store.outbox,
        robotGuid: link.robotGuid,
        deliver: (item) => link.deliver(item),
        classify: (error) => link.classifyDeliveryError(error),
        retryMaxMs: options.outboxRetryMaxMs,
        retryInitialMs: options.outboxRetryMaxMs ? Math.min(500, options.outboxRetryMaxMs) : undefined,
      });
      const writer = createOutboxWriter({ outbox: store.outbox, robotGuid: link.robotGuid, onWritten: worker.wake });
      const stop = new AbortController();
      const next: Session = { connection, link, services, worker, writer, stop, loop: Promise.resolve() };
      session = next;
      setState('connecting', `Connecting to ${connection.url}…`);
      // Attended runs the app lost when it was killed: reported Failed behind their undelivered logs.
      recoverInterruptedRuns({ writer, runs: store.runs, robotGuid: link.robotGuid });
      worker.start();
      next.loop = loop(next);
    },
    connection() {
      const s = session;
      const robotGuid = s?.connection.robotGuid ?? null;
      const delivered = robotGuid ? (lastDelivery.get(robotGuid) as { at: number | null }).at : null;
      return {
        ...state,
        url: s?.connection.url ?? null,
        robotGuid,
        insecureTls: s?.connection.insecureTls ?? false,
        backlog: robotGuid ? store.outbox.backlog(robotGuid) : 0,
        outboxError: s?.worker.state().lastError ?? null,
        lastDeliveryAt: delivered,
        attendedRefused,
      };
    },
    async refresh() {
      if (session && !current) await poll(session);
    },
    start,
    active: () => current,
    async close() {
      if (current) {
        current.handle.abort();
        await current.done.catch(() => undefined);
      }
      await endSession();
    },
  };
}
