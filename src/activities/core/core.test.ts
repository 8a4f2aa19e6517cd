import { describe, expect, it } from 'vitest';
import { makeTable } from '../../scenario/values.js';
// Core blocks are driven through the real engine: loops, ports and invoke only mean something there.
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

describe('core blocks', () => {
  it('start → assign → end: assignments are computed together, then stored; out variables come back', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'a', type: 'number', default: 1, direction: 'out' },
        { name: 'b', type: 'number', default: 2, direction: 'out' },
        { name: 'text', type: 'text', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        {
          id: 'swap',
          type: 'core.assign',
          params: { assignments: [{ variable: 'a', value: { expr: 'b' } }, { variable: 'b', value: { expr: 'a' } }, { variable: 'text', value: 'literal' }] },
        },
        { id: 'end', type: 'core.end' },
        { id: 'never', type: 'core.assign', params: { assignments: [{ variable: 'text', value: 'not reached' }] } },
      ],
      links: [...chain('start', 'swap', 'end'), ['end', 'never']],
    });
    const { summary } = await runScenario(doc);
    expect(summary).toMatchObject({ result: 'success', outputs: { a: 2, b: 1, text: 'literal' } });
  });

  it('if takes the true or false port by the condition', async () => {
    const doc = makeScenario({
      variables: [{ name: 'n', type: 'number', direction: 'in' }, { name: 'size', type: 'text', direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'big', type: 'core.if', params: { condition: { expr: 'n > 10' } } },
        { id: 'yes', type: 'core.assign', params: { assignments: [{ variable: 'size', value: 'big' }] } },
        { id: 'no', type: 'core.assign', params: { assignments: [{ variable: 'size', value: 'small' }] } },
      ],
      links: [['start', 'big'], ['big', 'yes', 'true'], ['big', 'no', 'false']],
    });
    expect((await runScenario(doc, { args: { n: 42 } })).summary.outputs).toEqual({ size: 'big' });
    expect((await runScenario(doc, { args: { n: '3' } })).summary.outputs).toEqual({ size: 'small' });
  });

  it('switch takes case:<value> or default', async () => {
    const doc = makeScenario({
      variables: [{ name: 'kind', type: 'any', direction: 'in' }, { name: 'route', type: 'text', direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'sw', type: 'core.switch', params: { value: { expr: 'kind' }, cases: ['invoice', 7] } },
        { id: 'inv', type: 'core.assign', params: { assignments: [{ variable: 'route', value: 'invoices' }] } },
        { id: 'seven', type: 'core.assign', params: { assignments: [{ variable: 'route', value: 'seven' }] } },
        { id: 'other', type: 'core.assign', params: { assignments: [{ variable: 'route', value: 'other' }] } },
      ],
      links: [['start', 'sw'], ['sw', 'inv', 'case:invoice'], ['sw', 'seven', 'case:7'], ['sw', 'other', 'default']],
    });
    expect((await runScenario(doc, { args: { kind: 'invoice' } })).summary.outputs.route).toBe('invoices');
    expect((await runScenario(doc, { args: { kind: 7 } })).summary.outputs.route).toBe('seven');
    expect((await runScenario(doc, { args: { kind: 'receipt' } })).summary.outputs.route).toBe('other');
  });

  it('while repeats its body until the condition fails, then goes on through done', async () => {
    const doc = makeScenario({
      variables: [{ name: 'i', type: 'number', default: 0, direction: 'out' }, { name: 'after', type: 'boolean', direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'loop', type: 'core.while', params: { condition: 'i < 5' } },
        { id: 'inc', type: 'core.assign', params: { assignments: [{ variable: 'i', value: { expr: 'i + 1' } }] } },
        { id: 'after', type: 'core.assign', params: { assignments: [{ variable: 'after', value: true }] } },
      ],
      links: [['start', 'loop'], ['loop', 'inc', 'body'], ['loop', 'after', 'done']],
    });
    expect((await runScenario(doc)).summary.outputs).toEqual({ i: 5, after: true });
  });

  it('forEach walks lists, table rows and dictionary entries with item and index', async () => {
    const scenario = makeScenario({
      variables: [
        { name: 'items', type: 'any', direction: 'in' },
        { name: 'seen', type: 'list', default: [], direction: 'out' },
        { name: 'item', type: 'any' },
        { name: 'i', type: 'number' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'each', type: 'core.forEach', params: { items: { expr: 'items' } }, outputs: { item: 'item', index: 'i' } },
        { id: 'push', type: 'core.assign', params: { assignments: [{ variable: 'seen', value: { expr: '[...seen, [i, item]]' } }] } },
      ],
      links: [['start', 'each'], ['each', 'push', 'body']],
    });
    const seen = async (items: unknown) => (await runScenario(scenario, { args: { items } })).summary.outputs.seen;
    expect(await seen(['a', 'b'])).toEqual([[0, 'a'], [1, 'b']]);
    expect(await seen(makeTable(['n'], [{ n: 1 }, { n: 2 }]))).toEqual([[0, { n: 1 }], [1, { n: 2 }]]);
    expect(await seen({ x: 1, y: 2 })).toEqual([[0, { key: 'x', value: 1 }], [1, { key: 'y', value: 2 }]]);
    expect(await seen([])).toEqual([]);
  });

  it('repeat nests: the inner loop restarts for every outer iteration, done paths return to the outer loop', async () => {
    const doc = makeScenario({
      variables: [{ name: 'pairs', type: 'list', default: [], direction: 'out' }, { name: 'r', type: 'number' }, { name: 'c', type: 'number' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'rows', type: 'core.repeat', params: { count: 2 }, outputs: { index: 'r' } },
        { id: 'cols', type: 'core.repeat', params: { count: 3 }, outputs: { index: 'c' } },
        { id: 'push', type: 'core.assign', params: { assignments: [{ variable: 'pairs', value: { expr: '[...pairs, `${r}${c}`]' } }] } },
        { id: 'rowEnd', type: 'core.assign', params: { assignments: [{ variable: 'pairs', value: { expr: '[...pairs, "|"]' } }] } },
      ],
      links: [['start', 'rows'], ['rows', 'cols', 'body'], ['cols', 'push', 'body'], ['cols', 'rowEnd', 'done']],
    });
    expect((await runScenario(doc)).summary.outputs.pairs).toEqual(['00', '01', '02', '|', '10', '11', '12', '|']);
  });

  it('log writes the evaluated message at its level; comment and disabled blocks do nothing', async () => {
    const doc = makeScenario({
      variables: [{ name: 'total', type: 'number', default: 12.5 }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'note', type: 'core.comment', params: { text: 'explains things' } },
        { id: 'plain', type: 'core.log', params: { message: 'plain text' } },
        { id: 'tpl', type: 'core.log', params: { level: 'warn', message: { expr: '`Total: ${total.toFixed(2)}`' } } },
        { id: 'off', type: 'core.throw', disabled: true, params: { message: 'disabled blocks are skipped' } },
        { id: 'obj', type: 'core.log', params: { level: 'debug', message: { expr: '({ total })' } } },
      ],
      links: chain('start', 'note', 'plain', 'tpl', 'off', 'obj'),
    });
    const { summary, logs, events } = await runScenario(doc);
    expect(summary.result).toBe('success');
    expect(logs).toEqual(['info: plain text', 'warn: Total: 12.50', 'debug: {"total":12.5}']);
    expect(events.find((e) => e.type === 'log')).toMatchObject({ blockId: 'plain', scenario: 'Test' });
  });

  it('throw fails the run with its message and code, naming the block', async () => {
    const doc = makeScenario({
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'boom', type: 'core.throw', params: { message: 'No invoices found', code: 'EMPTY' } }],
      links: chain('start', 'boom'),
    });
    const { summary } = await runScenario(doc);
    expect(summary.result).toBe('failed');
    expect(summary.error).toMatchObject({ blockId: 'boom', blockType: 'core.throw', scenario: 'Test', code: 'EMPTY' });
    expect(summary.error?.message).toContain('No invoices found');
    expect(summary.error?.message).toContain('"boom" (core.throw)');
  });

  it('delay waits, then goes on', async () => {
    const doc = makeScenario({
      variables: [{ name: 'done', type: 'boolean', direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'wait', type: 'core.delay', params: { ms: 20 } },
        { id: 'set', type: 'core.assign', params: { assignments: [{ variable: 'done', value: true }] } },
      ],
      links: chain('start', 'wait', 'set'),
    });
    expect((await runScenario(doc)).summary.outputs).toEqual({ done: true });
  });

  it('script sees variables by name, keeps assignments (type-checked), may await, returns a result', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'names', type: 'list', default: ['ann', 'bob'], direction: 'out' },
        { name: 'count', type: 'number', default: 0, direction: 'out' },
        { name: 'result', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        {
          id: 'js',
          type: 'core.script',
          params: { code: 'await sleep(1);\nnames = names.map((n) => n.toUpperCase());\ncount = names.length;\nlog("counted", count);\nreturn Math.max(3, count);' },
          outputs: { result: 'result' },
        },
        { id: 'bad', type: 'core.script', params: { code: 'count = "many"' } },
      ],
      links: chain('start', 'js', 'bad'),
    });
    const { summary, logs } = await runScenario(doc);
    expect(logs).toContain('info: counted 2');
    expect(summary.result).toBe('failed');
    expect(summary.error?.blockId).toBe('bad');
    expect(summary.error?.message).toContain('Variable "count" is number');
    // The failed script changed nothing; the first one's assignments stayed.
    const ok = await runScenario({ ...doc, links: doc.links.slice(0, 1) });
    expect(ok.summary.outputs).toEqual({ names: ['ANN', 'BOB'], count: 2, result: 3 });
  });

  it('script with a syntax error fails naming the block', async () => {
    const doc = makeScenario({
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'js', type: 'core.script', params: { code: 'let = ;' } }],
      links: chain('start', 'js'),
    });
    const { summary } = await runScenario(doc);
    expect(summary.error).toMatchObject({ blockId: 'js', code: 'SCRIPT_SYNTAX' });
  });

  it('invoke runs a sub-scenario with its own variables, passing in and out arguments', async () => {
    const sub = makeScenario({
      name: 'Double',
      variables: [
        { name: 'x', type: 'number', direction: 'in' },
        { name: 'y', type: 'number', direction: 'out' },
        { name: 'secretLocal', type: 'text', default: 'inner only' },
      ],
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'calc', type: 'core.assign', params: { assignments: [{ variable: 'y', value: { expr: 'x * 2' } }] } }],
      links: chain('start', 'calc'),
    });
    const main = makeScenario({
      name: 'Main',
      variables: [{ name: 'base', type: 'number', default: 20 }, { name: 'doubled', type: 'number', direction: 'out' }],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'call', type: 'core.invoke', params: { scenario: 'lib/double.scenario.json', in: { x: { expr: 'base + 1' } }, out: { y: 'doubled' } } },
        { id: 'check', type: 'core.if', params: { condition: 'doubled === 42 && typeof x === "undefined"' } },
        { id: 'fail', type: 'core.throw', params: { message: 'wrong result or leaked variable' } },
      ],
      links: [...chain('start', 'call', 'check'), ['check', 'fail', 'false']],
    });
    const { summary } = await runScenario(main, { scenarios: { 'lib/double.scenario.json': sub } });
    expect(summary).toMatchObject({ result: 'success', outputs: { doubled: 42 } });
  });

  it('invoke errors carry the inner scenario and block; a missing output argument is named', async () => {
    const sub = makeScenario({
      name: 'Inner',
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'innerBoom', type: 'core.throw', params: { message: 'inner failure' } }],
      links: chain('start', 'innerBoom'),
    });
    const main = makeScenario({
      name: 'Main',
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'call', type: 'core.invoke', params: { scenario: 'inner.scenario.json' } }],
      links: chain('start', 'call'),
    });
    const { summary } = await runScenario(main, { scenarios: { 'inner.scenario.json': sub } });
    expect(summary.error).toMatchObject({ scenario: 'Inner', blockId: 'innerBoom', blockType: 'core.throw' });

    const quiet = makeScenario({ name: 'Quiet', blocks: [{ id: 'start', type: 'core.start' }] });
    const asking = makeScenario({
      name: 'Main',
      variables: [{ name: 'v', type: 'any' }],
      blocks: [{ id: 'start', type: 'core.start' }, { id: 'call', type: 'core.invoke', params: { scenario: 'quiet.scenario.json', out: { nope: 'v' } } }],
      links: chain('start', 'call'),
    });
    const missing = await runScenario(asking, { scenarios: { 'quiet.scenario.json': quiet } });
    expect(missing.summary.error).toMatchObject({ blockId: 'call', code: 'NO_SUCH_ARGUMENT' });
    expect(missing.summary.error?.message).toContain('"nope"');
  });
});
