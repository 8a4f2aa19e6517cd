import { describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

describe('table blocks in a scenario run by the engine', () => {
  it('builds, filters and totals a table, loops over its rows with core.forEach, and handles an unknown column', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'limit', type: 'number', default: 100 },
        { name: 'names', type: 'text', default: '', direction: 'out' },
        { name: 'totals', type: 'table', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        {
          id: 'build',
          type: 'tables.build',
          params: { columns: ['Контрагент', 'Сумма'], rows: [['Ромашка', 150], ['Лютик', 50], ['Ромашка', 300]] },
          outputs: { table: 't' },
        },
        { id: 'big', type: 'tables.filter', params: { table: { expr: 't' }, mode: 'condition', condition: 'row.Сумма > limit' }, outputs: { table: 'big' } },
        { id: 'group', type: 'tables.groupBy', params: { table: { expr: 'big' }, groupBy: 'Контрагент', aggregates: 'sum(Сумма) as Итого' }, outputs: { table: 'totals' } },
        { id: 'each', type: 'core.forEach', params: { items: { expr: 't' } }, outputs: { item: 'row' } },
        { id: 'add', type: 'core.assign', params: { assignments: [{ variable: 'names', value: { expr: 'names + row.Контрагент + ";"' } }] } },
        { id: 'bad', type: 'tables.sort', params: { table: { expr: 't' }, columns: 'Дата' }, onError: 'handle', errorVariable: 'problem' },
      ],
      links: [...chain('start', 'build', 'big', 'group', 'each'), ['each', 'add', 'body'], ['each', 'bad', 'done']],
    });
    const { summary } = await runScenario({ ...doc, variables: [...doc.variables, { name: 't', type: 'table' }, { name: 'big', type: 'table' }, { name: 'row', type: 'any' }] });
    expect(summary.error).toBeUndefined();
    expect(summary.outputs.names).toBe('Ромашка;Лютик;Ромашка;');
    expect(summary.outputs.totals).toEqual({ kind: 'table', columns: ['Контрагент', 'Итого'], rows: [{ Контрагент: 'Ромашка', Итого: 450 }] });
    expect(summary.outputs.problem).toMatchObject({ blockId: 'bad', code: 'COLUMN_NOT_FOUND', message: expect.stringContaining('Column "Дата" is not in the table') });
  });
});
