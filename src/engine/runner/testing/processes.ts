import { readdirSync, readFileSync } from 'node:fs';

/** Test helpers about processes (Linux /proc): is one alive, which runners a process has started. */

/** Alive and not a zombie waiting for a parent that never reaps it. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Live runner processes (built or from sources) whose parent is `parent`. */
export function runnerChildren(parent = process.pid): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== parent || fields[0] === 'Z') continue;
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (/runner\.js|runner\/child\.ts/.test(cmdline)) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** The shared polling helper, re-exported for this kit's users. */
export { until } from '../../../testing/until.js';
