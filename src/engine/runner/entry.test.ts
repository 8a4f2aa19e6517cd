import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIsFresh } from '../../../scripts/buildStamp.js';
import { ensureBuilt } from '../../../scripts/build.js';
import { entryPoint } from './entry.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-stamp-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the build stamp', () => {
  it('is fresh until an input changes or vanishes', async () => {
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src', 'a.ts'), 'a');
    await writeFile(join(dir, 'src', 'b.ts'), 'b');
    const past = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'src', 'a.ts'), past, past);
    await utimes(join(dir, 'src', 'b.ts'), past, past);
    const stamp = join(dir, 'stamp.json');
    await writeFile(stamp, JSON.stringify({ builtAt: Date.now() - 1000, entries: {}, inputs: ['src/a.ts', 'src/b.ts'] }));
    expect(buildIsFresh(stamp, dir)).toBe(true);
    await writeFile(join(dir, 'src', 'b.ts'), 'b changed');
    expect(buildIsFresh(stamp, dir)).toBe(false);
    await utimes(join(dir, 'src', 'b.ts'), past, past);
    expect(buildIsFresh(stamp, dir)).toBe(true);
    await rm(join(dir, 'src', 'a.ts'));
    expect(buildIsFresh(stamp, dir)).toBe(false);
    expect(buildIsFresh(join(dir, 'no-stamp.json'), dir)).toBe(false);
  });

  it('a runner started from sources uses the built runner while the build is current, without tsx', async () => {
    await ensureBuilt();
    const entry = entryPoint(new URL('./child.ts', import.meta.url));
    expect(entry.file).toMatch(/dist[\\/]core[\\/]runner\.js$/);
    expect(existsSync(entry.file)).toBe(true);
    expect(entry.execArgv).toEqual([]);
    // An entry the build does not know runs from its source through tsx.
    const unknown = entryPoint(new URL('./protocol.ts', import.meta.url));
    expect(unknown.file).toMatch(/protocol\.ts$/);
    expect(unknown.execArgv.join(' ')).toMatch(/--import .*tsx/);
  });
});
