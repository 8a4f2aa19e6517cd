import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * One robot per data folder: two agents on the same outbox would deliver its rows twice and out
 * of order. The lock is a file holding the owner's pid; a lock whose process is gone (the robot
 * was killed) is taken over.
 */

export type DataLock = { release(): void };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'robot.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new Error(`Another robot (pid ${owner}) is already running with the data folder ${dataDir}; stop it or use another --data folder`, { cause: error });
      }
      // Left behind by a robot that was killed: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the robot data folder ${dataDir} (robot.lock keeps reappearing)`);
}
