import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toHostServices } from '../../engine/services.js';
import type { HostServices, RunHandle, RunRequest, StartRun } from '../../engine/types.js';
import type { Emit, Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { DialogBroker } from './dialogs.js';

type RunHandlers = Pick<Handlers, 'run.start' | 'run.stop' | 'run.abort' | 'run.debug' | 'run.evaluate' | 'run.reveal' | 'run.browsers'>;

/** A paused runner answers at once; this long means it is busy or gone. */
const ANSWER_TIMEOUT_MS = 10_000;

/** Sends an `evaluate` / `reveal` / `browsers` debug command and waits for its `evaluated` event. */
function ask(
  handle: RunHandle,
  command: { type: 'evaluate'; expression: string } | { type: 'reveal'; name: string } | { type: 'browsers' },
): Promise<{ value?: unknown; error?: string }> {
  const id = randomUUID();
  return new Promise((done) => {
    let settled = false;
    const finish = (answer: { value?: unknown; error?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      off();
      done(answer);
    };
    const timer = setTimeout(() => finish({ error: 'The run did not answer (is it paused?)' }), ANSWER_TIMEOUT_MS);
    const off = handle.onEvent((event) => {
      if (event.type === 'evaluated' && event.id === id) finish(event.error !== undefined ? { error: event.error } : { value: event.value });
      else if (event.type === 'run.finished') finish({ error: 'The run has finished' });
    });
    // A run that has just finished (its handle not yet forgotten) will never answer.
    void handle.done.then(
      () => finish({ error: 'The run has finished' }),
      () => finish({ error: 'The run has finished' }),
    );
    handle.debug({ ...command, id });
  });
}

/** A browser of a paused run, as the picker attaches to it. */
export type RunBrowser = { endpoint: string; targetId: string; url: string };

const isRunBrowser = (b: unknown): b is RunBrowser =>
  typeof b === 'object' && b !== null && ['endpoint', 'targetId', 'url'].every((k) => typeof (b as Record<string, unknown>)[k] === 'string');

export type RunControl = RunHandlers & {
  /** The open browsers of a paused run, oldest first; empty when the run is not paused, has none, or is gone. */
  browsersOf(runId: string): Promise<RunBrowser[]>;
  /** Aborts every run still going (the app is closing): no runner outlives the UI. */
  abortAll(): Promise<void>;
};

/** The `orchestrator.*` services of one Designer run (from the connection in settings) and a wait for its last delivery. */
export type RunOrchestrator = (runGuid: string) => Promise<{ services: HostServices; settle(): Promise<void> }>;

type StartDeps = {
  startRun: StartRun;
  emit: Emit;
  dialogs: DialogBroker;
  limits: () => Promise<Pick<RunRequest, 'stopGraceMs' | 'memoryLimitMb'>>;
  orchestrator?: RunOrchestrator;
  /** The runs going, by id: a run is in it until it ended and its deliveries settled. */
  runs: Map<string, RunHandle>;
};

/** Starts a Designer run of a saved scenario file with the user's limits, its dialogs and Orchestrator blocks. */
async function startDesignerRun(deps: StartDeps, given: Parameters<Handlers['run.start']>[0]): Promise<{ runId: string }> {
  const { path, mode, breakpoints, breakOnError, startAt, pauseOnStart, args } = given;
  const { dialogs, runs } = deps;
  const target = resolve(path);
  if (!(await stat(target).catch(() => undefined))?.isFile()) {
    throw new ApiError('not_found', `Scenario file not found: ${target}`);
  }
  let runId = '';
  const { stopGraceMs, memoryLimitMb } = await deps.limits();
  const connected = await deps.orchestrator?.(randomUUID());
  const handle = deps.startRun(
    // trace: the Designer highlights the running block, so it needs block.started/finished.
    {
      target,
      mode,
      args,
      trace: true,
      debug: mode === 'debug' ? { breakpoints, breakOnError, startAt, pauseOnStart } : undefined,
      stopGraceMs,
      memoryLimitMb,
    },
    { ...connected?.services, ...toHostServices(dialogs.servicesFor(() => runId)) },
  );
  runId = handle.runId;
  runs.set(runId, handle);
  handle.onEvent((event) => deps.emit('run.event', { runId, event }));
  void handle.done
    .catch(() => undefined) // the engine reports failures as run.finished; nothing to add here
    .then(() => connected?.settle())
    .finally(() => {
      runs.delete(runId);
      dialogs.cancelRun(runId);
    });
  return { runId };
}

/**
 * Runs saved scenario files in the engine's runner process. Every RunEvent is forwarded as a
 * `run.event`; the blocks' dialogs become `dialog.request` events through the broker.
 */
export function createRunHandlers(
  startRun: StartRun,
  emit: Emit,
  dialogs: DialogBroker,
  /** The user's stop grace and heap limit (settings.runner). */
  limits: () => Promise<Pick<RunRequest, 'stopGraceMs' | 'memoryLimitMb'>> = async () => ({}),
  orchestrator?: RunOrchestrator,
): RunControl {
  const runs = new Map<string, RunHandle>();
  const startDeps: StartDeps = { startRun, emit, dialogs, limits, orchestrator, runs };

  const find = (runId: string) => {
    const run = runs.get(runId);
    if (!run) throw new ApiError('not_found', `No active run ${runId} (it has finished or never started)`);
    return run;
  };

  async function browsersOf(runId: string): Promise<RunBrowser[]> {
    const run = runs.get(runId);
    if (!run) return [];
    const { value } = await ask(run, { type: 'browsers' });
    return Array.isArray(value) ? value.filter(isRunBrowser) : [];
  }

  return {
    'run.start': (given) => startDesignerRun(startDeps, given),
    async 'run.stop'({ runId }) {
      find(runId).stop();
      return {};
    },
    async 'run.abort'({ runId }) {
      find(runId).abort();
      return {};
    },
    async 'run.debug'({ runId, command }) {
      find(runId).debug(command);
      return {};
    },
    async 'run.evaluate'({ runId, expression }) {
      return ask(find(runId), { type: 'evaluate', expression });
    },
    async 'run.reveal'({ runId, name }) {
      return ask(find(runId), { type: 'reveal', name });
    },
    async 'run.browsers'({ runId }) {
      return { browsers: await browsersOf(runId) };
    },
    browsersOf,
    async abortAll() {
      const active = [...runs.values()];
      for (const run of active) run.abort();
      await Promise.allSettled(active.map((run) => run.done));
    },
  };
}
