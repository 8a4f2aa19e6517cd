import { describe, expect, it } from 'vitest';
import { REDACTED } from '../scenario/values.js';
import { chain, makeScenario, runScenario } from './testing/scenarios.js';

const echo = makeScenario({
  variables: [
    { name: 'count', type: 'number', direction: 'in' },
    { name: 'flag', type: 'boolean', direction: 'in' },
    { name: 'when', type: 'datetime', direction: 'in' },
    { name: 'list', type: 'list', direction: 'in' },
    { name: 'dict', type: 'dictionary', direction: 'inout', default: { a: 1 } },
    { name: 'note', type: 'text', direction: 'in', default: 'none' },
    { name: 'summary', type: 'text', direction: 'out' },
  ],
  blocks: [
    { id: 'start', type: 'core.start' },
    {
      id: 'sum',
      type: 'core.assign',
      params: { assignments: [{ variable: 'summary', value: { expr: '[count + 1, flag, when.getUTCFullYear(), list.length, dict.a, note].join("|")' } }] },
    },
  ],
  links: chain('start', 'sum'),
});

describe('variables and arguments', () => {
  it('arguments given as strings (the CLI) are converted to the declared types; defaults fill the rest', async () => {
    const { summary } = await runScenario(echo, { args: { count: '41', flag: 'yes', when: '2024-05-01T00:00:00Z', list: '[1,2,3]' } });
    expect(summary.result).toBe('success');
    expect(summary.outputs).toEqual({ dict: { a: 1 }, summary: '42|true|2024|3|1|none' });
  });

  it('typed arguments pass through untouched', async () => {
    const { summary } = await runScenario(echo, { args: { count: 1, flag: false, when: new Date('2000-01-01'), list: [], dict: { a: 'x' } } });
    expect(summary.outputs).toEqual({ dict: { a: 'x' }, summary: '2|false|2000|0|x|none' });
  });

  it('a wrong argument type or an unknown argument is a clear error naming it', async () => {
    const bad = await runScenario(echo, { args: { count: 'many' } });
    expect(bad.summary.error?.message).toBe('Argument "count" of scenario "Test" expects number, got text');
    const unknown = await runScenario(echo, { args: { summary: 'x' } });
    expect(unknown.summary.error?.message).toContain('has no input argument "summary"');
    const json = await runScenario(echo, { args: { list: '[1,' } });
    expect(json.summary.error?.message).toContain('expects list as JSON');
  });
});

describe('secrets', () => {
  it('values of secret variables, sensitive variables and ctx.secret are REDACTED in logs, events and outputs', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'password', type: 'secret', direction: 'in' },
        { name: 'token', type: 'text', sensitive: true, direction: 'out' },
        { name: 'echo', type: 'text', direction: 'out' },
        { name: 'pin', type: 'any' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'mk', type: 'core.assign', params: { assignments: [{ variable: 'token', value: { expr: '"tok-" + password' } }, { variable: 'echo', value: { expr: '"pw=" + password' } }] } },
        { id: 'reg', type: 'core.script', params: { code: 'pin = "4711-pin"; ctx.secret(pin);' } },
        { id: 'say', type: 'core.log', params: { message: { expr: '`login with ${password}, ${token}, pin ${pin}`' } } },
        { id: 'fail', type: 'core.throw', params: { message: { expr: '"bad password " + password' } } },
      ],
      links: chain('start', 'mk', 'reg', 'say'),
    });
    const { summary, events, logs } = await runScenario(doc, { args: { password: 'hunter2!' }, mode: 'debug', debug: { breakpoints: ['say'] }, control: (h, e) => e.type === 'paused' && h.debug({ type: 'continue' }) });
    expect(logs).toEqual([`info: login with ${REDACTED}, ${REDACTED}, pin ${REDACTED}`]);
    expect(summary.outputs).toEqual({ token: REDACTED, echo: `pw=${REDACTED}` });
    const paused = events.find((e) => e.type === 'paused');
    expect(paused?.type === 'paused' && paused.variables).toMatchObject({ password: REDACTED, token: REDACTED, pin: REDACTED, echo: `pw=${REDACTED}` });
    const everything = JSON.stringify(events);
    expect(everything).not.toContain('hunter2!');
    expect(everything).not.toContain('4711-pin');

    const failing = { ...doc, links: [...doc.links, { from: 'say', port: 'next', to: 'fail' }] };
    const failed = await runScenario(failing, { args: { password: 'hunter2!' } });
    expect(failed.summary.error?.message).toContain(`bad password ${REDACTED}`);
    expect(JSON.stringify(failed.events)).not.toContain('hunter2!');
  });
});
