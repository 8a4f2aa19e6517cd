import { randomUUID } from 'node:crypto';
import { hostRequestFor } from './host.js';
import { Run } from './run.js';
import { killTree } from './runner/kill.js';
import { fileScenarioSource, type ScenarioSource } from './source.js';
import type { HostServices, RunEvent, RunHandle, RunRequest, RunSummary } from './types.js';

export type InProcessOptions = {
  /** Where scenarios come from (default: files on disk). */
  source?: ScenarioSource;
  runId?: string;
  /** The stop flag to read (default: a private one); the benchmark passes a shared one, as the runner does. */
  stopFlag?: Int32Array;
};

/**
 * Runs a scenario inside the current process with the same events and controls as the runner
 * process. For tests, the benchmark and trusted embedding: an abort here can stop the engine and
 * kill the processes blocks registered, but not a handler that never yields.
 */
export function startInProcessRun(request: RunRequest, services: HostServices = {}, options: InProcessOptions = {}): RunHandle {
  const runId = options.runId ?? randomUUID();
  const listeners = new Set<(event: RunEvent) => void>();
  const pids = new Set<number>();
  const began = performance.now();
  let finished = false;
  let settle!: (summary: RunSummary) => void;
  const done = new Promise<RunSummary>((resolve) => (settle = resolve));

  const emit = (event: RunEvent): void => {
    if (finished) return;
    for (const listener of listeners) listener(event);
    if (event.type === 'run.finished') {
      finished = true;
      listeners.clear();
      settle({ runId, result: event.result, outputs: event.outputs, error: event.error, ms: event.ms });
    }
  };

  const run = new Run({
    runId,
    request,
    source: options.source ?? fileScenarioSource,
    emit,
    host: hostRequestFor(services),
    onProcess: (pid) => pids.add(pid),
    stopFlag: options.stopFlag,
  });
  // Start after the caller had the chance to subscribe, so nobody misses run.started.
  setImmediate(() => void run.execute());

  return {
    runId,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => run.stop('stopped'),
    abort() {
      run.stop('aborted');
      for (const pid of pids) killTree(pid);
      emit({ type: 'run.finished', result: 'aborted', outputs: {}, ms: performance.now() - began });
    },
    debug: (command) => run.debugger?.command(command),
    done,
  };
}
