import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chain, makeScenario, runScenario, startScenario } from './testing/scenarios.js';
import type { RunEvent } from './types.js';

/** Registers two resources that record their disposal order in `closed`. */
const openTwo = {
  id: 'open',
  type: 'core.script',
  params: { code: "ctx.use({ dispose: () => { closed.push('first') } }); ctx.use({ dispose: async () => { closed.push('second') } });" },
};

describe('run lifecycle (in-process)', () => {
  it('resources are disposed newest first when the run ends, whether it succeeds or fails', async () => {
    const closed: string[] = [];
    for (const tail of [[], ['boom']]) {
      closed.length = 0;
      const doc = makeScenario({
        // The test's own array goes in as an argument, so it sees what the disposers did.
        variables: [{ name: 'closed', type: 'list', direction: 'in' }],
        blocks: [{ id: 'start', type: 'core.start' }, openTwo, { id: 'boom', type: 'core.throw', params: { message: 'x' } }],
        links: chain('start', 'open', ...tail),
      });
      const { summary } = await runScenario(doc, { args: { closed } });
      expect(summary.result).toBe(tail.length === 0 ? 'success' : 'failed');
      expect(closed).toEqual(['second', 'first']);
    }
  });

  it('stop ends a long delay and an unanswered host request at once; resources are disposed; result "stopped"', async () => {
    for (const waiting of [
      { id: 'wait', type: 'core.delay', params: { ms: 600_000 } },
      { id: 'wait', type: 'core.script', params: { code: "await ctx.host.request('dialog.confirm', { title: 't', message: 'm' })" } },
    ]) {
      const closed: string[] = [];
      const doc = makeScenario({
        variables: [{ name: 'closed', type: 'list', direction: 'in' }],
        blocks: [{ id: 'start', type: 'core.start' }, openTwo, waiting, { id: 'after', type: 'core.throw', params: { message: 'must not run' } }],
        links: chain('start', 'open', 'wait', 'after'),
      });
      const handle = startScenario(doc, { args: { closed }, trace: true, services: { 'dialog.confirm': () => new Promise(() => {}) } });
      handle.onEvent((e) => e.type === 'block.started' && e.blockId === 'wait' && setTimeout(() => handle.stop(), 10));
      const summary = await handle.done;
      expect(summary.result).toBe('stopped');
      expect(closed).toEqual(['second', 'first']);
    }
  });

  it('trace emits block.started / block.finished with the port taken; without trace there are none', async () => {
    const doc = makeScenario({
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'check', type: 'core.if', params: { condition: 'false' } }],
      links: chain('start', 'check'),
    });
    const traced = await runScenario(doc, { trace: true });
    const blocks = traced.events.filter((e): e is Extract<RunEvent, { type: 'block.finished' }> => e.type === 'block.finished');
    expect(blocks.map((e) => `${e.blockId}→${e.port}`)).toEqual(['start→next', 'check→false']);
    expect(traced.events.filter((e) => e.type === 'block.started')).toHaveLength(2);
    const quiet = await runScenario(doc);
    expect(quiet.events.map((e) => e.type)).toEqual(['run.started', 'run.finished']);
  });

  it('abort ends "aborted" at once and kills the processes blocks registered', async () => {
    const sleeper = spawn('sleep', ['1000'], { detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => sleeper.once('exit', resolve));
    const doc = makeScenario({
      variables: [{ name: 'pid', type: 'number', direction: 'in' }],
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'track', type: 'core.script', params: { code: 'ctx.trackProcess(pid)' } }, { id: 'wait', type: 'core.delay', params: { ms: 600_000 } }],
      links: chain('start', 'track', 'wait'),
    });
    const handle = startScenario(doc, { args: { pid: sleeper.pid } });
    handle.onEvent((e) => e.type === 'process.spawned' && handle.abort());
    expect((await handle.done).result).toBe('aborted');
    expect(await exited).toBeDefined();
  });
});
