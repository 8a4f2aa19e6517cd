import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, makeScenario, type BlockSpec, type LinkSpec, type VariableSpec } from '../testing/scenarios.js';
import type { RunEvent, RunHandle } from '../types.js';
import { startRun } from './index.js';
import { killTree } from './kill.js';
import { alive } from './testing/processes.js';
import { until } from '../../testing/until.js';
import { HostError } from '../../activities/hostMethods.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-runner-'));
  await writeFile(join(dir, 'cairn.project.json'), JSON.stringify({ name: 'runner-test', version: '1.0.0' }));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function write(name: string, parts: { variables?: VariableSpec[]; blocks: BlockSpec[]; links?: LinkSpec[] }): Promise<string> {
  const path = join(dir, `${name}.scenario.json`);
  await mkdir(dir, { recursive: true });
  await writeFile(path, JSON.stringify(makeScenario({ name, ...parts }), null, 2));
  return path;
}


function record(handle: RunHandle): RunEvent[] {
  const events: RunEvent[] = [];
  handle.onEvent((e) => events.push(e));
  return events;
}

const logText = (events: RunEvent[]) => events.flatMap((e) => (e.type === 'log' ? [e.message] : []));

/** Logs the runner pid, spawns a detached `sleep` it registers, opens a resource that leaves a mark on dispose, then waits long. */
async function longRunning(name: string): Promise<string> {
  return write(name, {
    blocks: [
      { id: 'start', type: 'core.start' },
      {
        id: 'spawn',
        type: 'core.script',
        params: {
          code: [
            "const { spawn } = require('node:child_process');",
            "const fs = require('node:fs');",
            "const child = spawn('sleep', ['1000'], { detached: true, stdio: 'ignore' });",
            'ctx.trackProcess(child.pid);',
            `ctx.use({ dispose: () => fs.writeFileSync(${JSON.stringify(join(dir, `${name}.disposed`))}, 'yes') });`,
            "log('pids', process.pid, child.pid);",
          ].join('\n'),
        },
      },
      { id: 'wait', type: 'core.delay', params: { ms: 600_000 } },
    ],
    links: chain('start', 'spawn', 'wait'),
  });
}

async function pidsOf(events: RunEvent[]): Promise<[number, number]> {
  await until(() => logText(events).some((m) => m.startsWith('pids')), 'the pids log line');
  const [, runner, child] = logText(events).find((m) => m.startsWith('pids'))!.split(' ').map(Number);
  return [runner, child];
}

// Each test forks a runner that loads TypeScript through tsx: seconds each on a busy machine.
describe('runner process', { timeout: 90_000 }, () => {
  it('runs a project in a child process: arguments in, a sub-scenario file, host services, outputs out, runner gone after', async () => {
    await mkdir(join(dir, 'lib'));
    await write('lib/double', {
      variables: [{ name: 'x', type: 'number', direction: 'in' }, { name: 'y', type: 'number', direction: 'out' }],
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'calc', type: 'core.assign', params: { assignments: [{ variable: 'y', value: { expr: 'x * 2' } }] } }],
      links: chain('start', 'calc'),
    });
    await write('main', {
      variables: [{ name: 'n', type: 'number', direction: 'in' }, { name: 'answer', type: 'any', direction: 'out' }, { name: 'pid', type: 'number', direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'double', type: 'core.invoke', params: { scenario: 'lib/double.scenario.json', in: { x: { expr: 'n' } }, out: { y: 'n' } } },
        { id: 'ask', type: 'core.script', params: { code: "pid = process.pid; answer = await ctx.host.request('dialog.confirm', { title: 'Go?', message: String(n) });" } },
      ],
      links: chain('start', 'double', 'ask'),
    });
    const asked: unknown[] = [];
    const handle = startRun({ target: dir, args: { n: '21' } }, { 'dialog.confirm': async (p) => (asked.push(p), true) });
    const events = record(handle);
    const summary = await handle.done;
    expect(summary).toMatchObject({ result: 'success', outputs: { answer: true } });
    expect(asked).toEqual([{ title: 'Go?', message: '42' }]);
    expect(events[0]).toMatchObject({ type: 'run.started', scenario: 'main', runId: handle.runId });
    expect(events.at(-1)?.type).toBe('run.finished');
    expect(summary.outputs.pid).not.toBe(process.pid);
    expect(alive(summary.outputs.pid as number)).toBe(false);
  });

  it('a block that throws ends failed with block id and stack; a missing host service is a clear error', async () => {
    const path = await write('throws', {
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'ask', type: 'core.script', params: { code: "await ctx.host.request('orchestrator.assetGet', { name: 'x' })" } }],
      links: chain('start', 'ask'),
    });
    const summary = await startRun({ target: path }).done;
    expect(summary.result).toBe('failed');
    expect(summary.error).toMatchObject({ blockId: 'ask', blockType: 'core.script', scenario: 'throws' });
    expect(summary.error?.message).toContain('Host service "orchestrator.assetGet" is not available in this run');
    expect(summary.error?.stack).toContain('Error');
  });

  it('a host service failure reaches the block in the runner as { message, code }, and the block branches on the code', async () => {
    const path = await write('hostError', {
      variables: [{ name: 'problem', type: 'any', direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'read', type: 'orchestrator.getAsset', params: { name: 'rate' }, onError: 'handle', errorVariable: 'problem' },
      ],
      links: chain('start', 'read'),
    });
    const services = { 'orchestrator.assetGet': () => Promise.reject(new HostError('Orchestrator asset "rate" does not exist', 'NOT_FOUND')) };
    const summary = await startRun({ target: path }, services).done;
    expect(summary.result).toBe('success');
    expect(summary.outputs.problem).toMatchObject({ blockId: 'read', code: 'NOT_FOUND', message: 'Reading Orchestrator asset "rate" failed: Orchestrator asset "rate" does not exist' });
  });

  it('soft stop ends "stopped" after disposing resources; abort ends "aborted" and kills the runner and its processes', async () => {
    const stopPath = await longRunning('stoppable');
    const stopped = startRun({ target: stopPath });
    const [stopRunner, stopChild] = await pidsOf(record(stopped));
    stopped.stop();
    expect((await stopped.done).result).toBe('stopped');
    expect(await readFile(join(dir, 'stoppable.disposed'), 'utf8')).toBe('yes');
    expect(alive(stopRunner)).toBe(false);
    killTree(stopChild); // a soft stop leaves the processes a block started to the scenario's cleanup

    const abortPath = await longRunning('abortable');
    const aborted = startRun({ target: abortPath });
    const events = record(aborted);
    const [runner, child] = await pidsOf(events);
    expect(alive(runner) && alive(child)).toBe(true);
    aborted.abort();
    const summary = await aborted.done;
    expect(summary.result).toBe('aborted');
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', result: 'aborted' });
    await until(() => !alive(runner) && !alive(child), 'runner and sleep to be gone');
  });

  it('an endless loop of quick blocks can still be stopped, and another one aborted', async () => {
    const path = await write('endless', {
      variables: [{ name: 'n', type: 'number', default: 0 }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'spin', type: 'core.while', params: { condition: 'true' } },
        { id: 'inc', type: 'core.assign', params: { assignments: [{ variable: 'n', value: { expr: 'n + 1' } }] } },
        { id: 'say', type: 'core.if', params: { condition: 'n === 1000' } },
        { id: 'log', type: 'core.log', params: { message: 'spinning' } },
      ],
      links: [['start', 'spin'], ['spin', 'inc', 'body'], ['inc', 'say'], ['say', 'log', 'true']],
    });
    for (const how of ['stop', 'abort'] as const) {
      const handle = startRun({ target: path });
      const events = record(handle);
      await until(() => logText(events).includes('spinning'), 'the loop to run');
      handle[how]();
      expect((await handle.done).result).toBe(how === 'stop' ? 'stopped' : 'aborted');
    }
  });

  it('a script calling process.exit ends the run failed with a clear message', async () => {
    const path = await write('crash', {
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'exit', type: 'core.script', params: { code: 'process.exit(3)' } }],
      links: chain('start', 'exit'),
    });
    const summary = await startRun({ target: path }).done;
    expect(summary.result).toBe('failed');
    expect(summary.error?.message).toBe('The scenario ended the engine (exit code 3) before the run finished');
  });

  it('an error thrown outside any block (a script timer) ends failed with its message', async () => {
    const path = await write('stray', {
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'timer', type: 'core.script', params: { code: "setTimeout(() => { throw new Error('late boom') }, 0)" } },
        { id: 'wait', type: 'core.delay', params: { ms: 600_000 } },
      ],
      links: chain('start', 'timer', 'wait'),
    });
    const summary = await startRun({ target: path }).done;
    expect(summary.result).toBe('failed');
    expect(summary.error?.message).toBe('The runner crashed: late boom');
  });

  it('streams 100,000 log lines through the runner, in order, without losing any', async () => {
    const path = await write('chatty', {
      variables: [{ name: 'i', type: 'number', default: 0 }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'loop', type: 'core.repeat', params: { count: 100_000 }, outputs: { index: 'i' } },
        { id: 'say', type: 'core.log', params: { message: { expr: '`line ${i}`' } } },
      ],
      links: [['start', 'loop'], ['loop', 'say', 'body']],
    });
    const handle = startRun({ target: path });
    let count = 0;
    let inOrder = true;
    handle.onEvent((e) => {
      if (e.type !== 'log') return;
      if (e.message !== `line ${count}`) inOrder = false;
      count++;
    });
    expect((await handle.done).result).toBe('success');
    expect(count).toBe(100_000);
    expect(inOrder).toBe(true);
  });

  it('debugs through the process: breakpoint, variables, set variable, continue', async () => {
    const path = await write('debugged', {
      variables: [{ name: 'x', type: 'number', default: 1, direction: 'out' }],
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'double', type: 'core.assign', params: { assignments: [{ variable: 'x', value: { expr: 'x * 2' } }] } }],
      links: chain('start', 'double'),
    });
    const handle = startRun({ target: path, mode: 'debug', debug: { breakpoints: ['double'] } });
    const events = record(handle);
    handle.onEvent((e) => {
      if (e.type !== 'paused') return;
      handle.debug({ type: 'setVariable', name: 'x', value: 20 });
      handle.debug({ type: 'continue' });
    });
    const summary = await handle.done;
    expect(events.find((e) => e.type === 'paused')).toMatchObject({ blockId: 'double', variables: { x: 1 } });
    expect(summary.outputs).toEqual({ x: 40 });
  });
});

/** A script block that logs, then keeps the CPU busy for `ms` without ever yielding, then leaves a mark. */
function busy(id: string, ms: number, mark?: string): BlockSpec {
  const done = mark === undefined ? '' : `require('node:fs').writeFileSync(${JSON.stringify(mark)}, 'done');`;
  return { id, type: 'core.script', params: { code: `log('computing ${id}'); const end = Date.now() + ${ms}; while (Date.now() < end) {} ${done}` } };
}

describe('runner process: blocks that keep the CPU busy', { timeout: 90_000 }, () => {
  it('a soft stop ends the run at the next block boundary, though every block computes', async () => {
    const path = await write('busy-six', {
      blocks: [{ id: 'start', type: 'core.start' }, ...[1, 2, 3, 4, 5, 6].map((n) => busy(`b${n}`, 1500))],
      links: chain('start', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6'),
    });
    const handle = startRun({ target: path });
    const events = record(handle);
    await until(() => logText(events).includes('computing b1'), 'block 1 to log');
    handle.stop();
    const summary = await handle.done;
    expect(summary.result).toBe('stopped');
    expect(logText(events)).toContain('computing b1');
    expect(logText(events)).not.toContain('computing b3');
  });

  it('a line logged by a block arrives while that block is still computing', async () => {
    const mark = join(dir, 'busy-log.done');
    const path = await write('busy-log', { blocks: [{ id: 'start', type: 'core.start' }, busy('b1', 4000, mark)], links: chain('start', 'b1') });
    const handle = startRun({ target: path });
    let markAtLog: boolean | undefined;
    handle.onEvent((e) => {
      if (e.type === 'log' && e.message === 'computing b1') markAtLog = existsSync(mark);
    });
    expect((await handle.done).result).toBe('success');
    expect(markAtLog).toBe(false);
    expect(existsSync(mark)).toBe(true);
  });

  it('a block that never returns is aborted when the stop grace runs out, and the run says so', async () => {
    const path = await write('forever', {
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'spin', type: 'core.script', params: { code: "log('spinning'); while (true) {}" } }],
      links: chain('start', 'spin'),
    });
    const handle = startRun({ target: path, stopGraceMs: 500 });
    const events = record(handle);
    await until(() => logText(events).includes('spinning'), 'the block to start');
    handle.stop();
    const summary = await handle.done;
    expect(summary.result).toBe('aborted');
    expect(summary.error?.message).toContain('did not return within the stop grace of 0.5 s');
    expect(logText(events).some((m) => m.includes('stop grace'))).toBe(true);
  });

  it('an abort while a block computes keeps every line logged before it', async () => {
    const path = await write('busy-abort', {
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'many', type: 'core.script', params: { code: "for (let i = 0; i < 50; i++) log('line ' + i); log('last'); while (true) {}" } },
      ],
      links: chain('start', 'many'),
    });
    const handle = startRun({ target: path });
    const events = record(handle);
    await until(() => logText(events).includes('line 0'), 'the first line');
    handle.abort();
    expect((await handle.done).result).toBe('aborted');
    expect(logText(events)).toEqual([...Array.from({ length: 50 }, (_, i) => `line ${i}`), 'last']);
  });

  it('a runaway block hits the heap limit: the run fails "ran out of memory"', async () => {
    const path = await write('hungry', {
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'eat', type: 'core.script', params: { code: 'const all = []; for (;;) all.push(new Array(100000).fill(Math.random()));' } }],
      links: chain('start', 'eat'),
    });
    const summary = await startRun({ target: path, memoryLimitMb: 64 }).done;
    expect(summary.result).toBe('failed');
    expect(summary.error?.message).toContain('ran out of memory (limit 64 MB)');
  });
});
