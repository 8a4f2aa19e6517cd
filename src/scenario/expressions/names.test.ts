import { describe, expect, it } from 'vitest';
import { freeNames } from './names.js';

describe('freeNames', () => {
  it('finds the outside names an expression reads', () => {
    expect(freeNames('totl + 1')).toEqual(['totl']);
    expect(freeNames('`Hi ${name}`')).toEqual(['name']);
    expect(freeNames('Math.max(...list)')).toEqual(['Math', 'list']);
    expect(freeNames('a?.b?.[c]')).toEqual(['a', 'c']);
    expect(freeNames('(price * quantity)')).toEqual(['price', 'quantity']);
  });

  it('leaves out property names, object keys and names the expression binds', () => {
    expect(freeNames('rows.rows.map((r) => r.amount * rate)')).toEqual(['rows', 'rate']);
    expect(freeNames('({ a, b: c, [d]: 1 })')).toEqual(['a', 'c', 'd']);
    expect(freeNames('items.filter(({ x, y: [z] }) => x > z).length')).toEqual(['items']);
    expect(freeNames('(function f(n) { return n ? f(n - 1) : k })(3)')).toEqual(['k']);
  });

  it('gives nothing for an expression that does not parse', () => {
    expect(freeNames('a +')).toEqual([]);
  });
});
