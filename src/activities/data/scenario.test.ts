import { describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

describe('data blocks in a scenario run by the engine', () => {
  it('parses and formats values into variables, and sends an unparsable number down the error port', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'amount', type: 'number', direction: 'out' },
        { name: 'due', type: 'text', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
        { name: 'handled', type: 'boolean', default: false, direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'num', type: 'data.parseNumber', params: { text: '1 234,56', locale: 'ru-RU' }, outputs: { number: 'amount' } },
        { id: 'date', type: 'data.parseDate', params: { text: '31.01.2024', pattern: 'dd.MM.yyyy' }, outputs: { date: 'when' } },
        { id: 'plus', type: 'data.addToDate', params: { date: { expr: 'when' }, amount: 1, unit: 'months' }, outputs: { date: 'when' } },
        { id: 'fmt', type: 'data.formatDate', params: { date: { expr: 'when' }, pattern: 'dd.MM.yyyy' }, outputs: { text: 'due' } },
        { id: 'bad', type: 'data.parseNumber', params: { text: 'двенадцать' }, onError: 'handle', errorVariable: 'problem' },
        { id: 'mark', type: 'core.assign', params: { assignments: [{ variable: 'handled', value: true }] } },
      ],
      links: [...chain('start', 'num', 'date', 'plus', 'fmt', 'bad'), ['bad', 'mark', 'error']],
    });
    const { summary } = await runScenario({ ...doc, variables: [...doc.variables, { name: 'when', type: 'datetime' }] });
    expect(summary.error).toBeUndefined();
    expect(summary.outputs).toMatchObject({ amount: 1234.56, due: '29.02.2024', handled: true });
    expect(summary.outputs.problem).toMatchObject({ blockId: 'bad', code: 'BAD_NUMBER', message: expect.stringContaining('"двенадцать" is not a number') });
  });
});
