import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { raiseStop } from '../stopFlag.js';
import { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_STOP_GRACE_MS, type RunErrorInfo, type RunEvent, type RunRequest, type RunResult } from '../types.js';
import { EventBatcher } from './batcher.js';
import { SHARED_BYTES, stopFlagOf, writtenCountOf, type EngineWorkerData, type FromEngine, type ToEngine } from './engineProtocol.js';
import { killTree } from './kill.js';
import type { FromRunner, ToRunner } from './protocol.js';

/**
 * The runner process entry. The engine runs on a worker thread (engineWorker.ts); this main thread
 * only talks: it takes `start` / `stop` / `abort` / debug messages from the parent at any time,
 * forwards the engine's events in batches and its host requests, and is never starved by a block
 * that computes. Stop raises the shared flag the interpreter reads at every block boundary; a
 * block that does not return within the stop grace gets the run aborted. Abort ends the engine
 * thread, sends every event it had posted, kills what blocks started, and ends the process group.
 */

const send = (message: FromRunner, written?: () => void): void => {
  if (process.send === undefined || !process.connected) return written?.();
  process.send(message, undefined, undefined, () => written?.());
};

const shared = new SharedArrayBuffer(SHARED_BYTES);
const stopFlag = stopFlagOf(shared);
const writtenCount = writtenCountOf(shared);
const batcher = new EventBatcher((list, written) =>
  send({ t: 'events', events: list }, () => {
    Atomics.add(writtenCount, 0, list.length);
    written();
  }),
);

type Engine = { worker: Worker; events: MessagePort; memoryLimitMb: number };

/** The engine source beside this file: TypeScript under tsx (bootstrapped in the thread), JavaScript when built. */
function engineEntry(): { code: string; eval: true } | { url: URL; eval: false } {
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(`./engineWorker.${typescript ? 'ts' : 'js'}`, import.meta.url);
  if (!typescript) return { url, eval: false };
  // Module hooks registered by `--import tsx` do not reach worker threads in Node 20: register them there.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return { code: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, eval: true };
}

function spawnEngine(memoryLimitMb: number): Engine {
  const { port1, port2 } = new MessageChannel();
  const entry = engineEntry();
  const data: EngineWorkerData = { shared, events: port2 };
  const options = { workerData: data, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } };
  const worker = entry.eval ? new Worker(entry.code, { ...options, eval: true }) : new Worker(entry.url, options);
  const engine = { worker, events: port1, memoryLimitMb };
  port1.on('message', (message: FromEngine) => fromEngine(message));
  worker.on('error', (err: Error & { code?: string }) => {
    if (engine !== current) return;
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      void finishHere('failed', {
        message: `The run ran out of memory (limit ${memoryLimitMb} MB) and was ended / Запуску не хватило памяти (предел ${memoryLimitMb} МБ), он завершён`,
        code: 'OUT_OF_MEMORY',
      });
    } else void finishHere('failed', { message: `The runner crashed: ${err.message}` });
  });
  worker.on('exit', (code) => {
    if (engine !== current || finished) return;
    void finishHere('failed', { message: `The scenario ended the engine (exit code ${code}) before the run finished` });
  });
  return engine;
}

// Started at once, so a runner forked ahead of time (a warm runner) has its engine loaded too.
let current: Engine = spawnEngine(DEFAULT_MEMORY_LIMIT_MB);
let request: RunRequest | undefined;
let began = 0;
let finished = false;
let ending = false;
let graceTimer: NodeJS.Timeout | undefined;
/** Processes blocks registered: killed when the engine cannot clean up itself (abort, crash). */
const pids = new Set<number>();

function fromEngine(message: FromEngine): void {
  if (message.t === 'host.request') return send(message);
  const event = message.event;
  if (finished) return;
  if (event.type === 'process.spawned') pids.add(event.pid);
  if (event.type === 'run.finished') {
    finished = true;
    clearTimeout(graceTimer);
  }
  batcher.push(event);
  if (finished) void batcher.close().then(() => process.exit(0));
}

function toEngine(message: ToEngine): void {
  current.worker.postMessage(message);
}

/** Sends every event the engine thread posted before it ended, in order. */
function drainEngine(): void {
  for (let next = receiveMessageOnPort(current.events); next !== undefined; next = receiveMessageOnPort(current.events)) {
    fromEngine(next.message as FromEngine);
  }
}

/** Ends the run from this thread (the engine thread is gone or about to be), then the runner. */
async function finishHere(result: RunResult, error?: RunErrorInfo, note?: string): Promise<void> {
  if (finished || ending) return;
  ending = true;
  raiseStop(stopFlag, 'aborted');
  await current.worker.terminate();
  drainEngine();
  if (finished) return;
  finished = true;
  clearTimeout(graceTimer);
  for (const pid of pids) killTree(pid);
  const events: RunEvent[] = [];
  if (note !== undefined) events.push({ type: 'log', level: 'warn', message: note, at: Date.now() });
  events.push({ type: 'run.finished', result, outputs: {}, error, ms: began === 0 ? 0 : performance.now() - began });
  for (const event of events) batcher.push(event);
  await batcher.close();
  if (result === 'aborted') {
    // What blocks started without registering (they share our process group) goes with us.
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      // Not a group leader (another transport): only this process ends.
    }
  }
  process.exit(result === 'failed' ? 70 : 0);
}

function start(runId: string, next: RunRequest): void {
  if (request !== undefined) return;
  request = next;
  began = performance.now();
  const limit = next.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
  if (limit !== current.memoryLimitMb) {
    const old = current;
    current = spawnEngine(limit);
    void old.worker.terminate();
  }
  toEngine({ t: 'start', runId, request: next });
  if (Atomics.load(stopFlag, 0) !== 0) stop();
}

function stop(): void {
  raiseStop(stopFlag, 'stopped');
  toEngine({ t: 'stop' });
  if (request === undefined || graceTimer !== undefined || finished) return;
  const graceMs = request.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  graceTimer = setTimeout(() => {
    const seconds = Math.round(graceMs / 100) / 10;
    const message = `The running block did not return within the stop grace of ${seconds} s, so the run was aborted / Блок не завершился за ${seconds} с после команды «стоп», запуск прерван`;
    void finishHere('aborted', { message, code: 'STOP_GRACE_EXCEEDED' }, message);
  }, graceMs);
}

process.on('message', (raw) => {
  const message = raw as ToRunner;
  switch (message.t) {
    case 'start':
      start(message.runId, message.request);
      break;
    case 'stop':
      stop();
      break;
    case 'abort':
      void finishHere('aborted');
      break;
    case 'debug':
    case 'host.response':
      toEngine(message);
      break;
  }
});

// The parent is gone (killed, or its terminal closed): nobody can stop us or read our events any
// more. End what blocks started and our process group with us, so nothing is left running.
process.on('disconnect', () => {
  for (const pid of pids) killTree(pid);
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    // Not a group leader (another transport).
  }
  process.exit(1);
});
