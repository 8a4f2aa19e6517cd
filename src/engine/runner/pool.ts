import type { StartRun } from '../types.js';
import { createStartRun } from './startRun.js';
import { forkTransport, type RunnerTransport, type TransportFactory } from './transport.js';

/**
 * Warm runners: one runner process is started ahead and waits for a run, so clicking Run does
 * not wait for a process to start and load the engine. A runner serves ONE run and is never
 * reused (a run leaves state behind: globals of scripts, open handles, loaded modules); the next
 * one is warmed behind it once the run is under way. One that dies while waiting is replaced
 * without anybody noticing; `dispose()` ends the waiting one, so none outlives its owner.
 */
export type RunnerPool = {
  startRun: StartRun;
  /** The process waiting for the next run, if any (diagnostics and tests). */
  readonly idlePid: number | undefined;
  /** Ends the waiting runner and warms no more. Runs under way are their owners' business. */
  dispose(): Promise<void>;
};

export type RunnerPoolOptions = {
  transportFactory?: TransportFactory;
  /**
   * false: only the first run gets a warm runner (the CLI starts one while it validates, then
   * runs once); true (default): a fresh one is warmed behind every run.
   */
  keepWarm?: boolean;
};

/** After its run has begun, the next runner is started: not before, so the two do not compete for the CPU at the start. */
const WARM_BEHIND_DELAY_MS = 50;
/** Runners that die this soon after starting, three times in a row, mean a broken install: stop warming (cold runs report the error). */
const QUICK_DEATH_MS = 5000;
const MAX_QUICK_DEATHS = 3;

export function createRunnerPool(options: RunnerPoolOptions = {}): RunnerPool {
  const transportFactory = options.transportFactory ?? forkTransport;
  const keepWarm = options.keepWarm ?? true;
  let idle: RunnerTransport | undefined;
  let disposed = false;
  let quickDeaths = 0;

  const warm = (): void => {
    if (disposed || idle !== undefined || quickDeaths >= MAX_QUICK_DEATHS) return;
    const transport = transportFactory();
    const startedAt = performance.now();
    // A runner nobody uses yet must not keep a finished program (or a test worker) alive.
    transport.hold(false);
    idle = transport;
    transport.onExit(() => {
      if (idle !== transport) return; // taken by a run (its handle reports the exit) or disposed
      idle = undefined;
      quickDeaths = performance.now() - startedAt < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
      warm();
    });
  };

  const take = (): RunnerTransport => {
    const waiting = idle;
    idle = undefined;
    // Dead but its exit not reported yet: never hand a run to it.
    if (waiting !== undefined && waiting.isAlive()) {
      waiting.hold(true);
      return waiting;
    }
    if (waiting !== undefined) waiting.kill();
    return transportFactory();
  };

  const start = createStartRun(take);
  const startRun: StartRun = (request, services) => {
    const handle = start(request, services);
    if (keepWarm) {
      let scheduled = false;
      const warmBehind = (): void => {
        if (scheduled) return;
        scheduled = true;
        off();
        setTimeout(warm, WARM_BEHIND_DELAY_MS).unref();
      };
      const off = handle.onEvent(warmBehind);
      // A run that never says anything (its runner died) must not leave the pool cold.
      void handle.done.then(warmBehind);
    }
    return handle;
  };

  warm();
  return {
    startRun,
    get idlePid() {
      return idle?.pid;
    },
    async dispose() {
      disposed = true;
      const waiting = idle;
      idle = undefined;
      if (waiting === undefined) return;
      const gone = new Promise<void>((resolve) => waiting.onExit(() => resolve()));
      // Held again while it ends: the owner awaits its exit, so the process must not quit first.
      waiting.hold(true);
      waiting.kill();
      await gone;
    },
  };
}
