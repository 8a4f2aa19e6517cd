import { describe, expect, it } from 'vitest';
import { compileExpression, compileScript } from './compile.js';

const vars = (names: string[]) => (name: string) => names.includes(name);

describe('compileExpression', () => {
  it('reads only the variables it names; JavaScript built-ins stay available', () => {
    const fn = compileExpression('Math.max(a, b.length) + JSON.stringify({ a }).length + String(Date.UTC(2020, 0, 1)).length', vars(['a', 'b', 'c']));
    expect(fn.names).toEqual(['a', 'b']);
    expect(fn({ a: 1, b: [1, 2, 3] })).toBe(3 + 7 + 13);
  });

  it('property names and locals are not mistaken for variables that must exist', () => {
    const fn = compileExpression('items.map((x) => x.total).filter((total) => total > limit)', vars(['items', 'limit', 'total']));
    expect(fn({ items: [{ total: 5 }, { total: 50 }], limit: 10, total: 999 })).toEqual([50]);
  });

  it('accepts a parenthesised object and trailing comments, rejects statements smuggled in', () => {
    expect(compileExpression('({ a }) // note', vars(['a']))({ a: 1 })).toEqual({ a: 1 });
    expect(() => compileExpression('1); globalThis.hacked = (1', vars([]))).toThrow(SyntaxError);
    expect(() => compileExpression('a +', vars(['a']))).toThrow(SyntaxError);
  });

  it('an unknown name is a ReferenceError when evaluated', () => {
    expect(() => compileExpression('missing + 1', vars([]))({})).toThrow(/missing is not defined/);
  });
});

describe('compileScript', () => {
  it('writes back only the variables it reassigned, after it finished, and returns its result', async () => {
    const store = new Map<string, unknown>([['a', 1], ['b', 'keep'], ['list', [1]]]);
    const writes: string[] = [];
    const target = {
      get: (name: string) => store.get(name),
      set: (name: string, value: unknown) => {
        writes.push(name);
        store.set(name, value);
      },
    };
    const fn = compileScript('await null; a = a + 1; list.push(2); return helper(b);', (n) => store.has(n), ['helper']);
    expect(await fn(target, { helper: (s: string) => s.toUpperCase() })).toBe('KEEP');
    expect(writes).toEqual(['a']);
    expect(store.get('a')).toBe(2);
    expect(store.get('list')).toEqual([1, 2]);
  });

  it('a script that throws keeps no reassignment', async () => {
    const store = new Map<string, unknown>([['a', 1]]);
    const fn = compileScript('a = 5; throw new Error("nope")', (n) => store.has(n), []);
    await expect(fn({ get: (n) => store.get(n), set: (n, v) => store.set(n, v) }, {})).rejects.toThrow('nope');
    expect(store.get('a')).toBe(1);
  });
});
