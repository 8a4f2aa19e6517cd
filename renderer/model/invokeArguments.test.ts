import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.js';
import { argumentText, declaredArguments, undeclared, withInput, withOutput } from './invokeArguments.js';

const sub: Scenario = {
  format: 'cairn.scenario/1',
  id: 'sub',
  name: 'Total',
  variables: [
    { name: 'price', type: 'number', direction: 'in' },
    { name: 'discount', type: 'number', direction: 'in', default: 0 },
    { name: 'log', type: 'list', direction: 'inout' },
    { name: 'total', type: 'number', direction: 'out' },
    { name: 'tmp', type: 'any' },
  ],
  blocks: [{ id: 'start', type: 'core.start', at: [0, 0] }],
  links: [],
};

describe('core.invoke arguments', () => {
  it('lists the declared inputs (in, inout) and outputs (out, inout), not local variables', () => {
    const args = declaredArguments(sub);
    expect(args.inputs.map((a) => a.name)).toEqual(['price', 'discount', 'log']);
    expect(args.inputs[1]).toEqual({ name: 'discount', type: 'number', default: 0 });
    expect(args.outputs.map((a) => a.name)).toEqual(['log', 'total']);
  });

  it('stores typed values as expressions, drops emptied ones, and keeps the rest', () => {
    const current = { price: { expr: 'price' }, discount: 10 };
    expect(argumentText(current.price)).toBe('price');
    expect(argumentText(current.discount)).toBe('10');
    expect(withInput(current, 'price', 'price * 2')).toEqual({ price: { expr: 'price * 2' }, discount: 10 });
    expect(withInput(current, 'discount', ' ')).toEqual({ price: { expr: 'price' } });
    expect(withInput({ price: 1 }, 'price', '')).toBeUndefined();
    expect(withOutput(undefined, 'total', 'sum')).toEqual({ total: 'sum' });
    expect(withOutput({ total: 'sum' }, 'total', '')).toBeUndefined();
  });

  it('names mapped arguments the sub-scenario no longer declares', () => {
    expect(undeclared({ price: 1, old: 2 }, declaredArguments(sub).inputs)).toEqual(['old']);
  });
});
