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
