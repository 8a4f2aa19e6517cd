import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDebugWorkspaceHandlers } from './debugWorkspace.js';

let dataDir: string;
let projectDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cairn-debugws-'));
  projectDir = await mkdtemp(join(tmpdir(), 'cairn-debugws-project-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(projectDir, { recursive: true, force: true });
});

describe('debug workspace settings', () => {
  it('are kept per project folder in the data folder, with scenario paths relative to the project', async () => {
    const ws = createDebugWorkspaceHandlers(dataDir);
    expect(await ws['debug.workspace.get']({ projectDir })).toEqual({ breakpoints: {}, breakOnError: false, watches: [] });
    const main = join(projectDir, 'main.scenario.json');
    const settings = { breakpoints: { [main]: [{ blockId: 'add', enabled: false, condition: 'i > 1' }] }, breakOnError: true, watches: ['sum'] };
    await ws['debug.workspace.set']({ projectDir, settings });
    expect(await ws['debug.workspace.get']({ projectDir })).toEqual(settings);
    // Nothing written into the project; the stored file names the scenario relative to it.
    expect(await readdir(projectDir)).toEqual([]);
    const [file] = await readdir(join(dataDir, 'debug'));
    expect((JSON.parse(await readFile(join(dataDir, 'debug', file), 'utf8')) as { breakpoints: unknown }).breakpoints).toEqual({ 'main.scenario.json': settings.breakpoints[main] });
    // Another project has its own.
    expect((await ws['debug.workspace.get']({ projectDir: dataDir })).watches).toEqual([]);
  });
});
