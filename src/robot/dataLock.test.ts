import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { lockDataDir } from './dataLock.js';
import { tempDir } from './testing/kit.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('robot-lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('lets one robot use a data folder at a time, and frees it on release', async () => {
  const lock = lockDataDir(dir);
  expect(await readFile(path.join(dir, 'robot.lock'), 'utf8')).toBe(String(process.pid));
  lock.release();
  lockDataDir(dir).release();
});

it('refuses a folder held by a live robot, naming its pid, and takes over one left by a killed robot', async () => {
  const other = spawn('sleep', ['30']);
  try {
    await writeFile(path.join(dir, 'robot.lock'), String(other.pid));
    expect(() => lockDataDir(dir)).toThrow(`Another robot (pid ${other.pid}) is already running with the data folder ${dir}`);
  } finally {
    other.kill('SIGKILL');
    await new Promise((resolve) => other.once('exit', resolve));
  }
  // Its owner is gone now: the stale lock is taken over.
  const lock = lockDataDir(dir);
  expect(await readFile(path.join(dir, 'robot.lock'), 'utf8')).toBe(String(process.pid));
  lock.release();
});
