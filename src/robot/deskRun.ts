import type { HostServices, RunEvent, RunHandle, RunRequest, RunSummary, StartRun } from '../engine/types.js';
import type { AppStore } from '../store/appStore.js';
import type { RunResultText } from '../store/assistantStore.js';
import { startAttendedRun } from './attended.js';
import { describeRunError } from './cairnJob.js';
import { failureScreenshots } from './deskScreenshots.js';
import { attendedLink, type DeskSession } from './deskSession.js';
import { describeError, type DeskChange, type DeskStatus } from './deskStatus.js';
import type { DeskRun, DeskRunOptions } from './deskTypes.js';
import { ASSISTANT_CONNECT_HINT, disconnectedOrchestratorServices } from './disconnected.js';
import { createRobotHostServices } from './hostServices.js';

/** What a run of the desk robot needs from the robot: its store, session and connection status. */
export type DeskRunDeps = {
  store: AppStore;
  /** The connection the run reports through; null: a local run with no Orchestrator. */
  session: DeskSession | null;
  status: DeskStatus;
  startRun: StartRun;
  workingHeartbeatMs: number;
  changed(what: DeskChange): void;
  captureScreen?(): Promise<Buffer>;
  onRunEvent?(runId: string, event: RunEvent): void;
};

type Launched = { handle: RunHandle; runGuid: string; reported: Promise<unknown> };

/**
 * Starts the engine run: reported as an attended run when connected, else with Orchestrator
 * blocks that say how to connect. The history's GUID is the one the Orchestrator sees.
 */
function launch(deps: DeskRunDeps, run: DeskRunOptions, request: RunRequest, dialogServices: HostServices): Launched {
  const s = deps.session;
  if (!s) {
    const handle = deps.startRun(request, { ...disconnectedOrchestratorServices(ASSISTANT_CONNECT_HINT), ...dialogServices });
    return { handle, runGuid: handle.runId, reported: Promise.resolve() };
  }
  let runLog: ((line: string) => void) | null = null;
  const refused = () => runLog?.('The Orchestrator does not accept attended-run reports (JobType 2); this run reports its log lines only.');
  const attended = startAttendedRun(
    {
      link: attendedLink(s, deps.status, deps.changed, refused),
      writer: s.writer,
      runs: deps.store.runs,
      startRun: deps.startRun,
      hostServices: (journal) => {
        runLog = (line) => journal.log('Warning', line);
        return { ...createRobotHostServices(s.services, journal), ...dialogServices };
      },
      workingHeartbeatMs: deps.workingHeartbeatMs,
      reportAsJob: () => run.createJobRecord && !deps.status.attendedRefused(),
    },
    request,
  );
  return { handle: attended.handle, runGuid: attended.runGuid, reported: attended.reported };
}

const historyLevels: Record<string, string> = { debug: 'debug', info: 'info', warn: 'warn', error: 'error' };

/** The run's end in the history: result, outputs, the failed step's title; then its report settles. */
async function recordOutcome(deps: DeskRunDeps, run: DeskRunOptions, launched: Launched, summary: RunSummary): Promise<RunResultText> {
  const error = summary.error;
  if (summary.result === 'failed') await failureScreenshots(deps, launched.runGuid, deps.session, error?.screenshot, run.screenshotOnCrash);
  deps.store.assistant.finishRun(launched.runGuid, {
    result: summary.result,
    outputs: summary.outputs,
    errorStep: error?.blockId ? run.stepTitle(error.blockId, error.scenario) : undefined,
    errorMessage: error ? (error.blockId ? error.message : describeRunError(error)) : undefined,
  });
  await launched.reported.catch(() => undefined);
  return summary.result;
}

/** Starts a run of a process and keeps it in the history: its start, log lines and end. */
export function startDeskRun(deps: DeskRunDeps, run: DeskRunOptions): DeskRun {
  const { store } = deps;
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
  const launched = launch(deps, run, request, dialogServices);
  const { handle, runGuid } = launched;
  runId = handle.runId;
  const startedAt = Date.now();
  store.assistant.beginRun({ runGuid, processId: run.process.id, name, args: run.maskedArgs, reported: deps.session !== null });
  deps.changed('history');
  handle.onEvent((event) => {
    if (event.type === 'log') store.assistant.log(runGuid, historyLevels[event.level] ?? 'info', event.message, event.at);
    deps.onRunEvent?.(runId, event);
  });
  const done = handle.done.then(
    (summary) => recordOutcome(deps, run, launched, summary),
    (error: unknown) => {
      store.assistant.finishRun(runGuid, { result: 'failed', outputs: {}, errorMessage: describeError(error) });
      return 'failed' as const;
    },
  );
  return { runId, runGuid, processId: run.process.id, name, startedAt, handle, done };
}
