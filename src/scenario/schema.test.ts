import { describe, expect, it } from 'vitest';
import { isExpression, scenarioSchema, SCENARIO_FORMAT } from './schema.js';

describe('scenario schema', () => {
  it('fills defaults so a minimal document is usable', () => {
    const doc = scenarioSchema.parse({ format: SCENARIO_FORMAT, id: 's1', name: 'Hello' });
    expect(doc.blocks).toEqual([]);
    expect(doc.links).toEqual([]);
    expect(doc.variables).toEqual([]);
  });

  it('tells expressions from literal objects', () => {
    expect(isExpression({ expr: 'a + 1' })).toBe(true);
    expect(isExpression({ expr: 'a', other: 1 })).toBe(false);
    expect(isExpression('a + 1')).toBe(false);
  });
});
