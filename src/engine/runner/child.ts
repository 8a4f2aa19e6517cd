import { Run } from '../run.js';
import { fileScenarioSource } from '../source.js';
import { EventBatcher } from './batcher.js';
import type { FromRunner, ToRunner } from './protocol.js';

/**
 * The runner process entry: waits for `start`, runs the scenario with the engine, streams events
 * to the parent in batches, forwards `ctx.host` calls, and exits when the run has finished.
 */

const send = (message: FromRunner, written?: () => void): void => {
  if (process.send === undefined || !process.connected) return written?.();
  process.send(message, undefined, undefined, () => written?.());
};

const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
let nextRequestId = 1;
let run: Run | undefined;
let batcher: EventBatcher | undefined;

function hostRequest(method: string, params: unknown): Promise<unknown> {
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send({ t: 'host.request', id, method, params });
  });
}

async function start(runId: string, request: Extract<ToRunner, { t: 'start' }>['request']): Promise<void> {
  const events = new EventBatcher((list, written) => send({ t: 'events', events: list }, written));
  batcher = events;
  run = new Run({ runId, request, source: fileScenarioSource, emit: (e) => events.push(e), host: hostRequest, backpressure: events });
  await run.execute();
  await events.close();
  process.exit(0);
}

/**
 * An error no block awaited (a throw in a script's timer, a forgotten promise) would kill the
 * runner with a bare exit code; report it as the run's failure instead, then leave.
 */
async function crash(err: unknown): Promise<void> {
  const redact = (text: string): string => run?.redactor.text(text) ?? text;
  const error = err instanceof Error ? err : new Error(String(err));
  batcher?.push({
    type: 'run.finished',
    result: 'failed',
    outputs: {},
    error: { message: redact(`The runner crashed: ${error.message}`), stack: error.stack === undefined ? undefined : redact(error.stack) },
    ms: 0,
  });
  await batcher?.close();
  process.exit(70);
}

process.on('message', (raw) => {
  const message = raw as ToRunner;
  switch (message.t) {
    case 'start':
      if (run === undefined) void start(message.runId, message.request);
      break;
    case 'stop':
      run?.stop('stopped');
      break;
    case 'debug':
      run?.debugger?.command(message.command);
      break;
    case 'host.response': {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
      break;
    }
  }
});

process.on('uncaughtException', (err) => void crash(err));
process.on('unhandledRejection', (err) => void crash(err));

// The parent is gone: nobody can stop us or read our events any more.
process.on('disconnect', () => process.exit(1));
