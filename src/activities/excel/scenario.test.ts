import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

let projectDir: string;
beforeEach(async () => (projectDir = await mkdtemp(join(tmpdir(), 'cairn-excel-scenario-'))));
afterEach(() => rm(projectDir, { recursive: true, force: true }));

describe('Excel blocks in a scenario run by the engine', () => {
  it('writes through an open workbook, reads the file back, and handles a missing sheet on the error port', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'back', type: 'table', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'build', type: 'tables.build', params: { columns: ['Документ', 'Сумма'], rows: [['Счёт-фактура №1', 120]] }, outputs: { table: 't' } },
        { id: 'create', type: 'excel.create', params: { path: 'отчёт.xlsx', sheet: 'Отчёт' }, outputs: { workbook: 'book' } },
        { id: 'write', type: 'excel.writeTable', params: { workbook: { expr: 'book' }, table: { expr: 't' }, sheet: 'Отчёт' } },
        { id: 'save', type: 'excel.save', params: { workbook: { expr: 'book' } } },
        { id: 'read', type: 'excel.readSheet', params: { path: 'отчёт.xlsx', sheet: 'Отчёт' }, outputs: { table: 'back' } },
        { id: 'bad', type: 'excel.readSheet', params: { path: 'отчёт.xlsx', sheet: 'Sheet1' }, onError: 'handle', errorVariable: 'problem' },
      ],
      links: chain('start', 'build', 'create', 'write', 'save', 'read', 'bad'),
    });
    const { summary } = await runScenario(
      { ...doc, variables: [...doc.variables, { name: 't', type: 'table' }, { name: 'book', type: 'any' }] },
      { projectDir },
    );
    expect(summary.error).toBeUndefined();
    expect(summary.outputs.back).toEqual({ kind: 'table', columns: ['Документ', 'Сумма'], rows: [{ Документ: 'Счёт-фактура №1', Сумма: 120 }] });
    expect(summary.outputs.problem).toMatchObject({ blockId: 'bad', code: 'SHEET_NOT_FOUND', message: expect.stringContaining('Sheet "Sheet1" is not in workbook') });
  });
});
