import { describe, expect, it } from 'vitest';
import { renameInExpression, referencesOf } from './expressions.js';
import { addVariable, deleteVariable, renameVariable, updateVariable } from './variables.js';
import { testCatalog, testDoc } from './testDoc.js';

describe('references in expressions', () => {
  it('finds variables but not property names or object keys', () => {
    expect(renameInExpression('total + obj.total + { total: 1 }.total + t[total]', 'total', 'sum')).toBe(
      'sum + obj.total + { total: 1 }.total + t[sum]',
    );
  });
  it('renames inside template literals, calls and shorthand properties', () => {
    expect(renameInExpression('`${total}` + f(total, { total })', 'total', 'sum')).toBe('`${sum}` + f(sum, { sum })');
  });
  it('leaves an expression that does not parse untouched', () => {
    expect(referencesOf('total +', 'total')).toBeNull();
    expect(renameInExpression('total +', 'total', 'sum')).toBe('total +');
  });
});

describe('variables', () => {
  it('renames a variable in expressions, output mappings, error variables and variable params', () => {
    const base = testDoc();
    const doc = {
      ...base,
      blocks: [
        ...base.blocks,
        { id: 'set', type: 'core.set', at: [0, 0] as [number, number], params: { target: 'total' }, outputs: { result: 'total' }, errorVariable: 'total' },
      ],
    };
    const next = renameVariable(doc, 'total', 'sum', testCatalog);
    expect(next.variables[0].name).toBe('sum');
    expect(next.blocks[1].params).toEqual({ condition: { expr: 'sum > 3' } });
    expect(next.blocks[2].params).toEqual({ message: { expr: '`big ${sum}`' } });
    expect(next.blocks[3]).toBe(doc.blocks[3]); // untouched blocks are shared
    expect(next.blocks[4]).toMatchObject({ params: { target: 'sum' }, outputs: { result: 'sum' }, errorVariable: 'sum' });
  });

  it('renames inside nested values such as assignment lists', () => {
    const base = testDoc();
    const doc = {
      ...base,
      blocks: [{ id: 'a', type: 'core.assign', at: [0, 0] as [number, number], params: { assignments: [{ variable: 'total', value: { expr: 'total + 1' } }] } }],
    };
    const next = renameVariable(doc, 'total', 'sum', testCatalog);
    expect(next.blocks[0].params).toEqual({ assignments: [{ variable: 'sum', value: { expr: 'sum + 1' } }] });
  });

  it('adds with a free name, updates fields and deletes', () => {
    const { doc, name } = addVariable(testDoc());
    expect(name).toBe('var1');
    const typed = updateVariable(doc, 'var1', { type: 'text', direction: 'in', default: 'x' });
    expect(typed.variables[1]).toEqual({ name: 'var1', type: 'text', direction: 'in', default: 'x' });
    expect(updateVariable(typed, 'var1', { direction: undefined }).variables[1]).not.toHaveProperty('direction');
    expect(deleteVariable(typed, 'var1').variables.map((v) => v.name)).toEqual(['total']);
  });
});
