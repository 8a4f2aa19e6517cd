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

function hostRequest(method: string, params: unknown): Promise<unknown> {
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send({ t: 'host.request', id, method, params });
  });
}

async function start(runId: string, request: Extract<ToRunner, { t: 'start' }>['request']): Promise<void> {
  const batcher = new EventBatcher((events, written) => send({ t: 'events', events }, written));
  run = new Run({ runId, request, source: fileScenarioSource, emit: (e) => batcher.push(e), host: hostRequest, backpressure: batcher });
  await run.execute();
  await batcher.close();
  process.exit(0);
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

// The parent is gone: nobody can stop us or read our events any more.
process.on('disconnect', () => process.exit(1));
