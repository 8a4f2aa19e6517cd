import { describe, expect, it } from 'vitest';
import { makeScenario, runScenario } from './testing/scenarios.js';

const push = (id: string, expr: string) => ({ id, type: 'core.assign', params: { assignments: [{ variable: 'trail', value: { expr: `[...trail, ${expr}]` } }] } });
const trailVars = [{ name: 'trail', type: 'list' as const, default: [], direction: 'out' as const }, { name: 'i', type: 'number' as const }];

describe('loop semantics', () => {
  it('a link back to the loop block is the next iteration, like the end of the body path', async () => {
    const doc = makeScenario({
      variables: trailVars,
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'loop', type: 'core.repeat', params: { count: 3 }, outputs: { index: 'i' } }, push('a', 'i'), push('b', '"b"')],
      links: [['start', 'loop'], ['loop', 'a', 'body'], ['a', 'b'], ['b', 'loop']],
    });
    expect((await runScenario(doc)).summary.outputs.trail).toEqual([0, 'b', 1, 'b', 2, 'b']);
  });

  it('core.end inside a loop ends the scenario; in an invoked scenario it returns to the caller', async () => {
    const sub = makeScenario({
      name: 'Sub',
      variables: [{ name: 'trail', type: 'list', direction: 'inout' }, { name: 'i', type: 'number' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'loop', type: 'core.repeat', params: { count: 10 }, outputs: { index: 'i' } },
        push('a', 'i'),
        { id: 'stop', type: 'core.if', params: { condition: 'i === 1' } },
        { id: 'end', type: 'core.end' },
      ],
      links: [['start', 'loop'], ['loop', 'a', 'body'], ['a', 'stop'], ['stop', 'end', 'true']],
    });
    const main = makeScenario({
      variables: trailVars,
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'call', type: 'core.invoke', params: { scenario: 'sub.scenario.json', in: { trail: { expr: 'trail' } }, out: { trail: 'trail' } } },
        push('after', '"after"'),
      ],
      links: [['start', 'call'], ['call', 'after']],
    });
    expect((await runScenario(main, { scenarios: { 'sub.scenario.json': sub } })).summary.outputs.trail).toEqual([0, 1, 'after']);
  });

  it('forEach takes its items when the loop starts: changing the list in the body does not change the walk', async () => {
    const doc = makeScenario({
      variables: [...trailVars, { name: 'items', type: 'list', default: [1, 2] }, { name: 'item', type: 'any' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'each', type: 'core.forEach', params: { items: 'items' }, outputs: { item: 'item' } },
        { id: 'grow', type: 'core.assign', params: { assignments: [{ variable: 'items', value: { expr: '[...items, item * 10]' } }] } },
        push('a', 'item'),
      ],
      links: [['start', 'each'], ['each', 'grow', 'body'], ['grow', 'a']],
    });
    expect((await runScenario(doc)).summary.outputs.trail).toEqual([1, 2]);
  });

  it('a disabled loop block passes through to done', async () => {
    const doc = makeScenario({
      variables: trailVars,
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'loop', type: 'core.repeat', disabled: true, params: { count: 3 } }, push('a', '"body"'), push('b', '"done"')],
      links: [['start', 'loop'], ['loop', 'a', 'body'], ['loop', 'b', 'done']],
    });
    expect((await runScenario(doc)).summary.outputs.trail).toEqual(['done']);
  });
});
