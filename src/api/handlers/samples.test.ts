import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type ApiService } from '../service.js';
import type { CommandResult } from '../contract.js';

let dataDir: string;
let service: ApiService;
afterEach(async () => {
  await service?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<void> {
  dataDir = await mkdtemp(join(tmpdir(), 'cairn-samples-'));
  service = createService({ dataDir, mode: 'browser', startRun: () => {
      throw new Error('no runs in these tests');
    },
  });
}

describe('sample projects', () => {
  it('lists the shipped samples with their names and descriptions', async () => {
    await start();
    const samples = (await service.call('samples.list', {})) as CommandResult<'samples.list'>;
    const debugLoop = samples.find((s) => s.name === 'debug-loop');
    expect(debugLoop?.description).toMatch(/sub-scenario/);
    expect(samples.map((s) => s.name)).toEqual(expect.arrayContaining(['hello', 'invoke', 'loop-with-errors']));
  });

  it('opens a copy in the data folder, remembers it as recent and keeps the user’s edits on the next open', async () => {
    await start();
    const info = (await service.call('samples.open', { name: 'hello' })) as CommandResult<'samples.open'>;
    expect(info.dir).toBe(join(dataDir, 'samples', 'hello'));
    expect(info.scenarios.length).toBeGreaterThan(0);
    const recent = (await service.call('project.recent', {})) as CommandResult<'project.recent'>;
    expect(recent[0]?.dir).toBe(info.dir);
    const main = join(info.dir, 'main.scenario.json');
    const edited = (await readFile(main, 'utf8')).replace('"name":', '"name": "Edited", "x-old-name":');
    await writeFile(main, edited);
    await service.call('samples.open', { name: 'hello' });
    expect(await readFile(main, 'utf8')).toBe(edited);
  });

  it('refuses a name that is not a sample, or reaches outside the samples folder', async () => {
    await start();
    await expect(service.call('samples.open', { name: 'no-such-sample' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.call('samples.open', { name: '../templates' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
