import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/types.js';
import { applyProposal, insertRecorded, literalTarget, scenarioUrl, type RecordedStep } from './selectorTools.js';

const doc = (): Scenario =>
  ({
    format: 'cairn.scenario/1',
    id: 'x',
    name: 'Web',
    variables: [{ name: 'firstName', type: 'text' }],
    blocks: [
      { id: 'start', type: 'core.start', at: [0, 0] },
      { id: 'open', type: 'web.openBrowser', at: [0, 110], params: { url: 'http://127.0.0.1:9/form' } },
      { id: 'end', type: 'core.end', at: [0, 220] },
    ],
    links: [
      { from: 'start', port: 'next', to: 'open' },
      { from: 'open', port: 'next', to: 'end' },
    ],
  });

const steps: RecordedStep[] = [
  { type: 'web.fill', params: { selector: 'First Name', by: 'label' }, input: { param: 'value', value: 'Ada', variable: 'firstName', secret: false }, unique: true },
  { type: 'web.fill', params: { selector: 'Password', by: 'label' }, input: { param: 'value', value: 'pw', variable: 'password', secret: true }, unique: true },
  { type: 'web.click', params: { selector: '[data-testid="send"]', by: 'selector' }, unique: true },
];

describe('selector field edits', () => {
  it('finds the scenario start page, writes a pick with its Find by, and reads back what to highlight', () => {
    expect(scenarioUrl(doc())).toBe('http://127.0.0.1:9/form');
    const picked = applyProposal(doc(), 'open', { selector: 'First Name', by: 'label' });
    expect(picked.blocks[1].params).toMatchObject({ selector: 'First Name', by: 'label' });
    const css = applyProposal(picked, 'open', { selector: '#x', by: 'selector' });
    expect(css.blocks[1].params?.by).toBeUndefined();
    expect(literalTarget(picked.blocks[1])).toEqual({ selector: 'First Name', by: 'label' });
    expect(literalTarget({ ...picked.blocks[1], params: { selector: { expr: 'sel' } } })).toBeUndefined();
  });

  it('inserts recorded steps after the block, linked in order, with typed values as input variables', () => {
    const { doc: next, ids } = insertRecorded(doc(), 'open', steps);
    expect(ids).toEqual(['fill1', 'fill2', 'click1']);
    expect(next.links).toEqual([
      { from: 'start', port: 'next', to: 'open' },
      { from: 'open', port: 'next', to: 'fill1' },
      { from: 'fill1', port: 'next', to: 'fill2' },
      { from: 'fill2', port: 'next', to: 'click1' },
      { from: 'click1', port: 'next', to: 'end' },
    ]);
    expect(next.variables).toEqual([
      { name: 'firstName', type: 'text' },
      { name: 'firstName2', type: 'text', direction: 'in', default: 'Ada' },
      { name: 'password', type: 'text', direction: 'in', default: 'pw', sensitive: true },
    ]);
    expect(next.blocks.find((b) => b.id === 'fill1')?.params).toEqual({ selector: 'First Name', by: 'label', value: { expr: 'firstName2' } });
    expect(next.blocks.find((b) => b.id === 'click1')?.params).toEqual({ selector: '[data-testid="send"]' });
    expect(next.blocks.find((b) => b.id === 'end')?.at).toEqual([0, 220 + 3 * 110]);
  });
});
