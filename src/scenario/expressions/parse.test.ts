import { describe, expect, it } from 'vitest';
import { expressionSyntaxError, scriptSyntaxError } from './parse.js';

describe('expression syntax check', () => {
  it('accepts expressions that end in a closing parenthesis', () => {
    expect(expressionSyntaxError('(a + b)')).toBeUndefined();
    expect(expressionSyntaxError('({ a })')).toBeUndefined();
    expect(expressionSyntaxError('f(1)(2)')).toBeUndefined();
    expect(expressionSyntaxError("inbox + '/invoices.xlsx'")).toBeUndefined();
  });

  it('refuses two expressions, statements and an empty field, with a position on the user line', () => {
    expect(expressionSyntaxError('a b')).toMatch(/\(1:2\)/);
    expect(expressionSyntaxError('a; b')).toBeDefined();
    expect(expressionSyntaxError('x)')).toBeDefined();
    expect(expressionSyntaxError('  ')).toBe('the expression is empty');
  });

  it('lets scripts return and await at top level', () => {
    expect(scriptSyntaxError('const x = await Promise.resolve(1); return x;')).toBeUndefined();
    expect(scriptSyntaxError('return (')).toBeDefined();
  });
});
