import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

let projectDir: string;
beforeEach(async () => (projectDir = await mkdtemp(join(tmpdir(), 'cairn-csv-scenario-'))));
afterEach(() => rm(projectDir, { recursive: true, force: true }));

describe('CSV blocks in a scenario run by the engine', () => {
  it('writes a table to a Windows-1251 CSV and reads it back, and handles a missing file on the error port', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'back', type: 'table', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'build', type: 'tables.build', params: { columns: ['Документ', 'Сумма'], rows: [['Счёт-фактура №1', 1.5]] }, outputs: { table: 't' } },
        { id: 'write', type: 'csv.write', params: { table: { expr: 't' }, path: 'export.csv', encoding: 'windows-1251' } },
        { id: 'read', type: 'csv.read', params: { path: 'export.csv', encoding: 'windows-1251' }, outputs: { table: 'back' } },
        { id: 'bad', type: 'csv.read', params: { path: 'nope.csv' }, onError: 'handle', errorVariable: 'problem' },
      ],
      links: chain('start', 'build', 'write', 'read', 'bad'),
    });
    const { summary } = await runScenario({ ...doc, variables: [...doc.variables, { name: 't', type: 'table' }] }, { projectDir });
    expect(summary.error).toBeUndefined();
    expect(summary.outputs.back).toEqual({ kind: 'table', columns: ['Документ', 'Сумма'], rows: [{ Документ: 'Счёт-фактура №1', Сумма: '1,5' }] });
    expect(summary.outputs.problem).toMatchObject({ blockId: 'bad', code: 'ENOENT', message: expect.stringContaining('nope.csv" does not exist') });
  });
});
