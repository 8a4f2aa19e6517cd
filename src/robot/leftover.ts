import { existsSync, readFileSync } from 'node:fs';

/**
 * A Python script runs in its own process group, so it outlives a robot that was killed. Crash
 * recovery ends it — but only after checking that the pid still runs that very script, since
 * after a reboot the pid may belong to anything. Linux can check (/proc); elsewhere the process
 * is left alone and the log line says so.
 */

export type LeftoverOutcome = 'ended' | 'gone' | 'unverified';

function runsCommand(pid: number, command: string): boolean | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(command);
  } catch {
    return existsSync('/proc/self/cmdline') ? false : null;
  }
}

export function endLeftoverProcess(pid: number, command: string): LeftoverOutcome {
  const ours = runsCommand(pid, command);
  if (ours === null) return 'unverified';
  if (!ours) return 'gone';
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      return 'gone';
    }
  }
  return 'ended';
}
