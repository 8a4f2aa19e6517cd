import { fork } from 'node:child_process';
import { entryPoint } from './entry.js';
import { killTree } from './kill.js';
import type { FromRunner, ToRunner } from './protocol.js';

/**
 * The seam between the run handle and the runner process. Node forks a child; Electron can
 * supply one over `utilityProcess` with the same four operations.
 */
export type RunnerTransport = {
  readonly pid: number | undefined;
  /** Started and not gone: can still take a run. */
  isAlive(): boolean;
  /** false: this runner (waiting, warm) does not keep the parent process alive; true: it does (default). */
  hold(keep: boolean): void;
  send(message: ToRunner): void;
  onMessage(listener: (message: FromRunner) => void): void;
  /** Called once when the runner is gone, whatever the reason. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Hard kill: the runner and its whole process group. */
  kill(): void;
};

export type TransportFactory = () => RunnerTransport;

const childEntry = new URL('./child.ts', import.meta.url);

/** A `child_process.fork` runner leading its own process group (so abort can kill the group). */
export function forkTransport(): RunnerTransport {
  const entry = entryPoint(childEntry);
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    detached: true,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    pid: child.pid,
    isAlive: () => child.connected && child.exitCode === null && child.signalCode === null,
    hold(keep) {
      if (keep) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
    send(message) {
      if (child.connected) child.send(message);
    },
    onMessage(listener) {
      child.on('message', (message) => listener(message as FromRunner));
    },
    onExit(listener) {
      let gone = false;
      const fire = (code: number | null, signal: string | null): void => {
        if (!gone) listener(code, signal);
        gone = true;
      };
      child.once('exit', fire);
      // A runner that cannot even start reports an error and may never emit 'exit'.
      child.once('error', (err) => {
        if (child.exitCode === null && child.pid === undefined) fire(null, err.message);
      });
    },
    kill() {
      if (child.pid !== undefined) killTree(child.pid);
    },
  };
}
