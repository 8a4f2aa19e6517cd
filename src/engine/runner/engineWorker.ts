import { HostError } from '../../activities/hostMethods.js';
import { parentPort, workerData } from 'node:worker_threads';
import type { Backpressure } from '../run.js';
import { Run } from '../run.js';
import { fileScenarioSource } from '../source.js';
import type { RunEvent } from '../types.js';
import { stopFlagOf, writtenCountOf, type EngineWorkerData, type FromEngine, type ToEngine } from './engineProtocol.js';

/**
 * The engine thread of a runner process (a worker thread started by child.ts): runs the scenario
 * and posts every event the moment it happens. A block may keep this thread busy for as long as it
 * likes; the runner's main thread keeps forwarding events and control messages meanwhile, and
 * raises the shared stop flag that the interpreter reads at every block boundary.
 */

const control = parentPort!;
const { shared, events } = workerData as EngineWorkerData;
const stopFlag = stopFlagOf(shared);
const written = writtenCountOf(shared);
/** Events posted but not yet written to the parent beyond this: the run waits at its next yield point. */
const MAX_UNWRITTEN = 2000;

let posted = 0;
let run: Run | undefined;
let finished = false;

const post = (message: FromEngine): void => events.postMessage(message);

function emit(event: RunEvent): void {
  if (finished) return;
  if (event.type === 'run.finished') finished = true;
  posted++;
  post({ t: 'event', event });
}

const backpressure: Backpressure = {
  get backlogged() {
    return posted - Atomics.load(written, 0) > MAX_UNWRITTEN;
  },
  drain: () => new Promise((resolve) => setTimeout(resolve, 2)),
};

const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
let nextRequestId = 1;

function hostRequest(method: string, params: unknown): Promise<unknown> {
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    post({ t: 'host.request', id, method, params });
  });
}

/**
 * An error no block awaited (a throw in a script's timer, a forgotten promise) ends the run as
 * failed with its (redacted) message; the main thread then ends the runner.
 */
function crash(err: unknown): void {
  const redact = (text: string): string => run?.redactor.text(text) ?? text;
  const error = err instanceof Error ? err : new Error(String(err));
  emit({
    type: 'run.finished',
    result: 'failed',
    outputs: {},
    error: { message: redact(`The runner crashed: ${error.message}`), stack: error.stack === undefined ? undefined : redact(error.stack) },
    ms: 0,
  });
}

control.on('message', (message: ToEngine) => {
  switch (message.t) {
    case 'start':
      if (run !== undefined) return;
      run = new Run({ runId: message.runId, request: message.request, source: fileScenarioSource, emit, host: hostRequest, backpressure, stopFlag });
      void run.execute();
      return;
    case 'stop':
      // The flag is already up; this wakes what waits (ctx.sleep, host requests, a paused debugger).
      run?.stop('stopped');
      return;
    case 'debug':
      run?.debugger?.command(message.command);
      return;
    case 'host.response': {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new HostError(message.error.message, message.error.code));
      return;
    }
  }
});

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
