import { describe, expect, it } from 'vitest';
import { chain, makeScenario, runScenario } from './testing/scenarios.js';

/** A script block failing until it ran `failures` times; counts attempts in `attempts`. */
const flaky = (failures: number) => ({
  id: 'flaky',
  type: 'core.script',
  // Through ctx.vars: a failing script's own reassignments are not kept.
  params: {
    code: `const n = ctx.vars.get('attempts') + 1; ctx.vars.set('attempts', n); if (n <= ${failures}) throw Object.assign(new Error('flaky ' + n), { code: 'EFLAKY' });`,
  },
});

const vars = [
  { name: 'attempts', type: 'number' as const, default: 0, direction: 'out' as const },
  { name: 'err', type: 'any' as const, direction: 'out' as const },
  { name: 'path', type: 'text' as const, default: '', direction: 'out' as const },
];
const mark = (id: string, text: string) => ({ id, type: 'core.assign', params: { assignments: [{ variable: 'path', value: { expr: `path + ${JSON.stringify(text)}` } }] } });

describe('error policy', () => {
  it('default: the run fails naming the block, its type and the scenario', async () => {
    const doc = makeScenario({ name: 'Invoices', variables: vars, blocks: [{ id: 'start', type: 'core.start' }, flaky(1), mark('after', 'after')], links: chain('start', 'flaky', 'after') });
    const { summary } = await runScenario(doc);
    expect(summary.result).toBe('failed');
    expect(summary.error).toMatchObject({ blockId: 'flaky', blockType: 'core.script', scenario: 'Invoices', code: 'EFLAKY' });
    expect(summary.error?.message).toBe('Block "flaky" (core.script) in scenario "Invoices" failed: flaky 1');
    expect(summary.error?.stack).toContain('flaky 1');
    expect(summary.outputs).toEqual({});
  });

  it('retry runs the block again (logging each retry) before the policy applies', async () => {
    const doc = makeScenario({
      variables: vars,
      blocks: [{ id: 'start', type: 'core.start' }, { ...flaky(2), retry: { times: 2, delayMs: 5 } }, mark('after', 'after')],
      links: chain('start', 'flaky', 'after'),
    });
    const { summary, logs } = await runScenario(doc);
    expect(summary).toMatchObject({ result: 'success', outputs: { attempts: 3, path: 'after' } });
    expect(logs.filter((l) => l.startsWith('warn:') && l.includes('retry'))).toHaveLength(2);

    const notEnough = { ...doc, blocks: doc.blocks.map((b) => (b.id === 'flaky' ? { ...b, retry: { times: 1, delayMs: 0 } } : b)) };
    const failed = await runScenario(notEnough);
    expect(failed.summary.error?.message).toContain('flaky 2');
  });

  it('ignore logs a warning and goes on through next', async () => {
    const doc = makeScenario({
      variables: vars,
      blocks: [{ id: 'start', type: 'core.start' }, { ...flaky(5), onError: 'ignore' }, mark('after', 'after')],
      links: chain('start', 'flaky', 'after'),
    });
    const { summary, logs } = await runScenario(doc);
    expect(summary).toMatchObject({ result: 'success', outputs: { attempts: 1, path: 'after' } });
    expect(logs).toContain('warn: Block "flaky" (core.script) failed, error ignored: flaky 1');
  });

  it('handle takes the error port with the error in the error variable', async () => {
    const doc = makeScenario({
      variables: vars,
      blocks: [{ id: 'start', type: 'core.start' }, { ...flaky(5), onError: 'handle', errorVariable: 'err' }, mark('after', 'next'), mark('recover', 'error')],
      links: [...chain('start', 'flaky', 'after'), ['flaky', 'recover', 'error']],
    });
    const { summary } = await runScenario(doc);
    expect(summary.result).toBe('success');
    expect(summary.outputs.path).toBe('error');
    expect(summary.outputs.err).toEqual({ message: 'flaky 1', blockId: 'flaky', blockType: 'core.script', code: 'EFLAKY' });
  });

  it('a required parameter that is missing fails naming block and parameter; a wrong kind too', async () => {
    const missing = makeScenario({ blocks: [{ id: 'start', type: 'core.start' }, { id: 'wait', type: 'core.delay', params: { ms: null } }, { id: 'cond', type: 'core.if' }], links: chain('start', 'cond') });
    const { summary } = await runScenario(missing);
    expect(summary.error?.message).toContain('parameter "condition" is required');
    expect(summary.error?.blockId).toBe('cond');

    const wrongKind = makeScenario({
      variables: [{ name: 'v', type: 'any', default: 'soon' }],
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'wait', type: 'core.delay', params: { ms: { expr: 'v' } } }],
      links: chain('start', 'wait'),
    });
    const wrong = await runScenario(wrongKind);
    expect(wrong.summary.error?.message).toContain('Block "wait" (core.delay) in scenario "Test", parameter "ms" expects number, got text');
  });

  it('an output that does not fit the variable type is a block error under the block policy', async () => {
    const doc = makeScenario({
      variables: [{ name: 'n', type: 'number' }, { name: 'err', type: 'any', direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'js', type: 'core.script', params: { code: 'return "text"' }, outputs: { result: 'n' }, onError: 'handle', errorVariable: 'err' },
      ],
      links: chain('start', 'js'),
    });
    const { summary } = await runScenario(doc);
    expect((summary.outputs.err as { message: string }).message).toBe('Variable "n" is number, a text value cannot be assigned to it');
  });

  it('an invalid scenario (unknown block type, bad expression) fails before any block runs', async () => {
    const unknown = makeScenario({ blocks: [{ id: 'start', type: 'core.start' }, { id: 'x', type: 'nope.block' }] });
    expect((await runScenario(unknown)).summary.error?.message).toContain('block "x" (nope.block) has an unknown type');
    const bad = makeScenario({ blocks: [{ id: 'start', type: 'core.start' }, { id: 'c', type: 'core.if', params: { condition: { expr: 'a >' } } }] });
    const { summary, events } = await runScenario(bad);
    expect(summary.error?.message).toContain('parameter "condition": invalid expression `a >`');
    expect(events.some((e) => e.type === 'run.started')).toBe(false);
  });
});
