import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

let projectDir: string;
beforeEach(async () => (projectDir = await mkdtemp(join(tmpdir(), 'cairn-files-scenario-'))));
afterEach(() => rm(projectDir, { recursive: true, force: true }));

describe('file blocks in a scenario run by the engine', () => {
  it('writes, lists and zips files relative to the project, and handles a missing file on the error port', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'found', type: 'list', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'w1', type: 'files.writeText', params: { path: 'out/a.txt', text: 'Привет', encoding: 'windows-1251' } },
        { id: 'w2', type: 'files.writeText', params: { path: 'out/b.log', text: 'log' } },
        { id: 'list', type: 'files.list', params: { folder: 'out', pattern: '*.txt' }, outputs: { paths: 'found' } },
        { id: 'zip', type: 'files.zip', params: { source: 'out', archive: 'out.zip' } },
        { id: 'bad', type: 'files.readText', params: { path: 'missing.txt' }, onError: 'handle', errorVariable: 'problem' },
      ],
      links: chain('start', 'w1', 'w2', 'list', 'zip', 'bad'),
    });
    const { summary } = await runScenario(doc, { projectDir });
    expect(summary.error).toBeUndefined();
    expect(summary.outputs.found).toEqual([join(projectDir, 'out', 'a.txt')]);
    expect((await readFile(join(projectDir, 'out.zip'))).subarray(0, 2).toString()).toBe('PK');
    expect(summary.outputs.problem).toMatchObject({ blockId: 'bad', code: 'ENOENT', message: expect.stringContaining('missing.txt" does not exist') });
  });
});
