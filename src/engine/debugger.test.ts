import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chain, makeScenario, runScenario, startScenario, type TestRunOptions } from './testing/scenarios.js';
import type { DebugCommand, RunEvent } from './types.js';

type Paused = Extract<RunEvent, { type: 'paused' }>;

const append = (id: string) => ({ id, type: 'core.assign', params: { assignments: [{ variable: 'trail', value: { expr: `[...trail, ${JSON.stringify(id)}]` } }] } });

const sub = makeScenario({
  name: 'Sub',
  variables: [{ name: 'trail', type: 'list', direction: 'inout' }],
  blocks: [{ id: 'start', type: 'core.start' }, append('s1'), append('s2')],
  links: chain('start', 's1', 's2'),
});
const main = makeScenario({
  name: 'Main',
  variables: [
    { name: 'trail', type: 'list', default: [], direction: 'out' },
    { name: 'x', type: 'number', default: 1, direction: 'out' },
  ],
  blocks: [
    { id: 'start', type: 'core.start' },
    append('a'),
    { id: 'call', type: 'core.invoke', params: { scenario: 'sub.scenario.json', in: { trail: { expr: 'trail' } }, out: { trail: 'trail' } } },
    append('b'),
    append('c'),
  ],
  links: chain('start', 'a', 'call', 'b', 'c'),
});

/** Runs in debug mode; at each pause answers with the next list of commands. */
async function debugRun(options: TestRunOptions, answers: DebugCommand[][]) {
  const paused: Paused[] = [];
  const result = await runScenario(main, {
    mode: 'debug',
    scenarios: { 'sub.scenario.json': sub },
    ...options,
    control(handle, event) {
      if (event.type !== 'paused') return;
      paused.push(event);
      for (const command of answers.shift() ?? [{ type: 'continue' }]) handle.debug(command);
    },
  });
  return { ...result, paused, where: paused.map((p) => `${p.scenario}:${p.blockId}:${p.reason}`) };
}

describe('debugger', () => {
  it('pauses BEFORE a breakpoint block, showing variables and the call stack', async () => {
    const { paused, summary } = await debugRun({ debug: { breakpoints: ['b'] } }, []);
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ blockId: 'b', reason: 'breakpoint', scenario: 'Main', stack: [{ scenario: 'Main', blockId: 'b' }] });
    expect(paused[0].variables).toMatchObject({ trail: ['a', 's1', 's2'], x: 1 });
    expect(summary.outputs.trail).toEqual(['a', 's1', 's2', 'b', 'c']);
  });

  it('step into enters the invoked scenario, step over stays, step out returns to the caller', async () => {
    const { where, paused } = await debugRun({ debug: { breakpoints: ['call'] } }, [[{ type: 'stepInto' }], [{ type: 'stepOver' }], [{ type: 'stepOut' }], [{ type: 'continue' }]]);
    expect(where).toEqual(['Main:call:breakpoint', 'Sub:start:step', 'Sub:s1:step', 'Main:b:step']);
    expect(paused[1].stack.map(({ scenario, blockId }) => ({ scenario, blockId }))).toEqual([{ scenario: 'Main', blockId: 'call' }, { scenario: 'Sub', blockId: 'start' }]);
    // Each frame names its file, so the Designer can open the sub-scenario's tab.
    expect(paused[1].path).toMatch(/sub\.scenario\.json$/);
    expect(paused[1].stack.map((f) => f.path?.split('/').pop())).toEqual(['main.scenario.json', 'sub.scenario.json']);
  });

  it('step over an invoke runs the whole sub-scenario', async () => {
    const { where } = await debugRun({ debug: { breakpoints: ['call'] } }, [[{ type: 'stepOver' }], [{ type: 'stepOver' }]]);
    expect(where).toEqual(['Main:call:breakpoint', 'Main:b:step', 'Main:c:step']);
  });

  it('pause on start, run to a block, and breakpoints changed while paused', async () => {
    const { where } = await debugRun({ debug: { pauseOnStart: true } }, [[{ type: 'runTo', blockId: 's2' }], [{ type: 'setBreakpoints', blockIds: ['c'] }, { type: 'continue' }]]);
    expect(where).toEqual(['Main:start:start', 'Sub:s2:runTo', 'Main:c:breakpoint']);
  });

  it('sets a variable while paused (text converted to its type) and the run uses it', async () => {
    const { summary, events } = await debugRun({ debug: { breakpoints: ['c'] } }, [[{ type: 'setVariable', name: 'x', value: '42' }, { type: 'setVariable', name: 'x', value: 'oops' }, { type: 'continue' }]]);
    expect(events.filter((e) => e.type === 'variable')).toEqual([{ type: 'variable', name: 'x', value: 42, scenario: 'Main' }]);
    expect(events.some((e) => e.type === 'log' && e.level === 'error' && e.message.includes('Cannot set variable "x"'))).toBe(true);
    expect(summary.outputs.x).toBe(42);
  });

  it('starts from a chosen block', async () => {
    const { summary } = await debugRun({ debug: { startAt: 'b' } }, []);
    expect(summary.outputs.trail).toEqual(['b', 'c']);
  });

  it('pause interrupts an endless loop; stop while paused ends the run "stopped"', async () => {
    const endless = makeScenario({
      variables: [{ name: 'n', type: 'number', default: 0 }],
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'spin', type: 'core.while', params: { condition: 'true' } }, { id: 'inc', type: 'core.assign', params: { assignments: [{ variable: 'n', value: { expr: 'n + 1' } }] } }],
      links: [['start', 'spin'], ['spin', 'inc', 'body']],
    });
    const handle = startScenario(endless, { mode: 'debug', trace: true });
    let started = 0;
    const paused = new Promise<Paused>((resolve) =>
      handle.onEvent((e) => {
        // Pause once the loop is well under way (block events come with trace).
        if (e.type === 'block.started' && ++started === 5000) handle.debug({ type: 'pause' });
        if (e.type === 'paused') resolve(e);
      }),
    );
    const at = await paused;
    expect(at.reason).toBe('pause');
    expect(at.variables.n).toBeGreaterThan(2000);
    handle.stop();
    expect((await handle.done).result).toBe('stopped');
  });
});

/** Main with a loop: i = 0..4, `step` runs once per iteration, then `fail` throws unless handled. */
const looping = makeScenario({
  name: 'Loop',
  variables: [
    { name: 'i', type: 'number', default: 0 },
    { name: 'total', type: 'number', default: 0, direction: 'out' },
    { name: 'pw', type: 'secret', default: 'hunter2!' },
  ],
  blocks: [
    { id: 'start', type: 'core.start' },
    { id: 'loop', type: 'core.repeat', params: { count: 5 }, outputs: { index: 'i' } },
    { id: 'step', type: 'core.assign', params: { assignments: [{ variable: 'total', value: { expr: 'total + i' } }] } },
    { id: 'end', type: 'core.log', params: { message: { expr: '`total ${total}`' } } },
  ],
  links: [['start', 'loop'], ['loop', 'step', 'body'], ['loop', 'end', 'done']],
});

async function debugLoop(options: TestRunOptions, onPause: (handle: Parameters<NonNullable<TestRunOptions['control']>>[0], event: Paused, events: RunEvent[]) => void = (h) => h.debug({ type: 'continue' })) {
  const paused: Paused[] = [];
  const seen: RunEvent[] = [];
  const result = await runScenario(options.scenarios?.['main.scenario.json'] ?? looping, {
    mode: 'debug',
    ...options,
    control(handle, event) {
      seen.push(event);
      if (event.type !== 'paused') return;
      paused.push(event);
      onPause(handle, event, seen);
    },
  });
  return { ...result, paused };
}

describe('breakpoints with conditions, hit counts and log points', () => {
  it('a conditional breakpoint pauses only where its condition is true', async () => {
    const { paused, summary } = await debugLoop({ debug: { breakpoints: [{ blockId: 'step', condition: 'i === 3 || i === 4' }] } });
    expect(paused.map((p) => p.variables.i)).toEqual([3, 4]);
    expect(summary.outputs.total).toBe(10);
  });

  it('a hit count pauses from that hit on (hits counted where the condition holds)', async () => {
    const { paused } = await debugLoop({ debug: { breakpoints: [{ blockId: 'step', hitCount: 4 }] } });
    expect(paused.map((p) => p.variables.i)).toEqual([3, 4]);
    const even = await debugLoop({ debug: { breakpoints: [{ blockId: 'step', condition: 'i % 2 === 0', hitCount: 2 }] } });
    expect(even.paused.map((p) => p.variables.i)).toEqual([2, 4]);
  });

  it('a log point logs its message with {expressions} evaluated and never pauses', async () => {
    const { paused, events } = await debugLoop({ debug: { breakpoints: [{ blockId: 'step', log: 'i is {i}, total {total + 0}, {nope}, pw {pw}' }] } });
    expect(paused).toHaveLength(0);
    const lines = events.flatMap((e) => (e.type === 'log' && e.blockId === 'step' ? [e.message] : []));
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^i is 2, total 1, <.*nope.*>, pw ••••••$/);
    expect(lines.join()).not.toContain('hunter2');
  });

  it('disabled breakpoints never pause; a broken condition warns and pauses', async () => {
    const off = await debugLoop({ debug: { breakpoints: [{ blockId: 'step', enabled: false }] } });
    expect(off.paused).toHaveLength(0);
    const broken = await debugLoop({ debug: { breakpoints: [{ blockId: 'end', condition: 'i ===' }] } });
    expect(broken.paused.map((p) => p.blockId)).toEqual(['end']);
    expect(broken.logs.some((l) => l.startsWith('warn: Breakpoint condition `i ===` failed'))).toBe(true);
  });

  it('a breakpoint with a path pauses only in that scenario', async () => {
    const { where } = await debugRun({ debug: { breakpoints: [{ blockId: 'start', path: 'nowhere.json' }, { blockId: 's1', path: 'elsewhere' }] } }, []);
    expect(where).toEqual([]);
    const inSub = await debugRun({ debug: { breakpoints: [{ blockId: 'start', path: join(tmpdir(), 'cairn-memory-project', 'sub.scenario.json') }] } }, []);
    expect(inSub.where).toEqual(['Sub:start:breakpoint']);
  });
});

describe('evaluating while paused', () => {
  it('evaluate answers a value or an error; reveal answers a secret; secrets stay redacted elsewhere', async () => {
    const answers: RunEvent[] = [];
    const { events } = await debugLoop({ debug: { breakpoints: [{ blockId: 'step', condition: 'i === 2' }] } }, (handle) => {
      handle.debug({ type: 'evaluate', id: 'a', expression: 'i * 10 + total' });
      handle.debug({ type: 'evaluate', id: 'b', expression: 'nope + 1' });
      handle.debug({ type: 'evaluate', id: 'c', expression: '({ list: [i], pw })' });
      handle.debug({ type: 'reveal', id: 'd', name: 'pw' });
      handle.debug({ type: 'continue' });
      handle.debug({ type: 'evaluate', id: 'e', expression: 'i' });
    });
    answers.push(...events.filter((e) => e.type === 'evaluated'));
    expect(answers).toEqual([
      { type: 'evaluated', id: 'a', value: 21 },
      { type: 'evaluated', id: 'b', error: expect.stringContaining('nope') },
      { type: 'evaluated', id: 'c', value: { list: [2], pw: '••••••' } },
      { type: 'evaluated', id: 'd', value: 'hunter2!' },
      { type: 'evaluated', id: 'e', error: 'The run is not paused' },
    ]);
    expect(events.filter((e) => e.type === 'log').map((e) => (e as { message: string }).message).join()).not.toContain('hunter2');
  });
});

describe('break on error', () => {
  const failing = makeScenario({
    name: 'Failing',
    variables: [{ name: 'n', type: 'number', default: 0, direction: 'out' }],
    blocks: [
      { id: 'start', type: 'core.start' },
      { id: 'bad', type: 'core.assign', params: { assignments: [{ variable: 'n', value: { expr: 'missing.field' } }] }, onError: 'ignore' },
      { id: 'after', type: 'core.assign', params: { assignments: [{ variable: 'n', value: { expr: 'n + 1' } }] } },
    ],
    links: chain('start', 'bad', 'after'),
  });

  it('pauses at the failing block with its message, before the error policy (here: ignore) applies', async () => {
    const { paused, summary, logs } = await debugLoop({ scenarios: { 'main.scenario.json': failing }, debug: { breakOnError: true } });
    expect(paused).toMatchObject([{ blockId: 'bad', reason: 'error', error: expect.stringContaining('missing') }]);
    expect(summary).toMatchObject({ result: 'success', outputs: { n: 1 } });
    expect(logs.some((l) => l.startsWith('warn: Block "bad"') && l.includes('error ignored'))).toBe(true);
  });

  it('without it (or switched off by command) the run goes through', async () => {
    const { paused } = await debugLoop({ scenarios: { 'main.scenario.json': failing } });
    expect(paused).toHaveLength(0);
    const off = await debugLoop({ scenarios: { 'main.scenario.json': failing }, debug: { breakOnError: true, pauseOnStart: true } }, (handle) => {
      handle.debug({ type: 'setBreakOnError', on: false });
      handle.debug({ type: 'continue' });
    });
    expect(off.paused.map((p) => p.reason)).toEqual(['start']);
  });

  it('an error in a sub-scenario pauses once, in the sub-scenario', async () => {
    const broken = makeScenario({ name: 'Sub', variables: [{ name: 'trail', type: 'list', direction: 'inout' }], blocks: [{ id: 'start', type: 'core.start' }, { id: 's1', type: 'core.assign', params: { assignments: [{ variable: 'trail', value: { expr: 'boom()' } }] } }], links: chain('start', 's1') });
    const { where, summary } = await debugRun({ scenarios: { 'sub.scenario.json': broken }, debug: { breakOnError: true } }, []);
    expect(where).toEqual(['Sub:s1:error']);
    expect(summary.result).toBe('failed');
    expect(summary.error).toMatchObject({ blockId: 's1', scenario: 'Sub' });
  });
});
