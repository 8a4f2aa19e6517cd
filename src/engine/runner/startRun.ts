import { hostErrorPayload } from '../../activities/hostMethods.js';
import { randomUUID } from 'node:crypto';
import type { HostServices, RunEvent, RunHandle, RunRequest, RunSummary, StartRun } from '../types.js';
import { hostRequestFor } from '../host.js';
import { killTree } from './kill.js';
import type { FromRunner } from './protocol.js';
import { forkTransport, type TransportFactory } from './transport.js';

/** How long an aborted runner may take to send its last events and end before it is killed. */
const ABORT_FALLBACK_MS = 2000;

/**
 * Starts runs in their own runner process. The handle's `done` settles once the run has
 * finished AND the runner is gone; a runner that dies early ends the run `failed`, an abort
 * kills its process group plus every process blocks registered and ends `aborted`.
 */
export function createStartRun(transportFactory: TransportFactory): StartRun {
  return (request: RunRequest, services: HostServices = {}): RunHandle => {
    const runId = randomUUID();
    const began = performance.now();
    const listeners = new Set<(event: RunEvent) => void>();
    const pids = new Set<number>();
    const host = hostRequestFor(services);
    let finished: Extract<RunEvent, { type: 'run.finished' }> | undefined;
    let aborted = false;
    let settle!: (summary: RunSummary) => void;
    const done = new Promise<RunSummary>((resolve) => (settle = resolve));

    const dispatch = (event: RunEvent): void => {
      if (finished !== undefined) return;
      if (event.type === 'process.spawned') pids.add(event.pid);
      if (event.type === 'run.finished') finished = event;
      for (const listener of listeners) listener(event);
    };

    const transport = transportFactory();
    transport.onMessage((message: FromRunner) => {
      if (message.t === 'events') {
        for (const event of message.events) dispatch(event);
        return;
      }
      host(message.method, message.params).then(
        (value) => transport.send({ t: 'host.response', id: message.id, ok: true, value }),
        (err: unknown) => transport.send({ t: 'host.response', id: message.id, ok: false, error: hostErrorPayload(err) }),
      );
    });
    transport.onExit((code, signal) => {
      const crashed = finished === undefined && !aborted;
      if (finished === undefined) {
        const ms = performance.now() - began;
        dispatch(
          aborted
            ? { type: 'run.finished', result: 'aborted', outputs: {}, ms }
            : {
                type: 'run.finished',
                result: 'failed',
                outputs: {},
                ms,
                error: { message: `The runner process exited unexpectedly (${signal !== null ? `signal ${signal}` : `exit code ${code}`}) before the run finished` },
              },
        );
      }
      // Blocks' processes would outlive a crashed or killed runner unless we end them.
      if (aborted || crashed) for (const pid of pids) killTree(pid);
      listeners.clear();
      const last = finished!;
      settle({ runId, result: last.result, outputs: last.outputs, error: last.error, ms: last.ms });
    });
    transport.send({ t: 'start', runId, request });

    return {
      runId,
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      stop: () => transport.send({ t: 'stop' }),
      abort() {
        if (finished !== undefined && aborted) return;
        aborted = true;
        // The runner sends what was logged and ends its process group; kill it if it does not go in time.
        transport.send({ t: 'abort' });
        setTimeout(() => transport.kill(), ABORT_FALLBACK_MS).unref();
        for (const pid of pids) killTree(pid);
      },
      debug: (command) => transport.send({ t: 'debug', command }),
      done,
    };
  };
}

/** The default StartRun: a forked Node runner process per run. */
export const startRun: StartRun = createStartRun(forkTransport);
