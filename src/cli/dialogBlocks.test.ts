import { describe, expect, it } from 'vitest';
// Integration test: the real engine runs the dialog blocks, answered by the real terminal dialogs
// of `cairn run` (production code never imports either).
import { chain, makeScenario, runScenario } from '../engine/testing/scenarios.js';
import { toHostServices } from '../engine/services.js';
import { terminalDialogImplementation } from './dialogs.js';
import { scriptedTerminal } from '../activities/dialogs/testing/scriptedTerminal.js';

const form = makeScenario({
  variables: [
    { name: 'total', type: 'number', direction: 'out' },
    { name: 'answers', type: 'dictionary', direction: 'out' },
    { name: 'sent', type: 'boolean', direction: 'out' },
    { name: 'problem', type: 'any', direction: 'out' },
  ],
  blocks: [
    { id: 'start', type: 'core.start' },
    {
      id: 'form',
      type: 'dialogs.input',
      params: { title: 'Invoice', fields: [{ name: 'amount', label: 'Amount', type: 'number', required: true, variable: 'total' }, { name: 'pin', label: 'PIN', type: 'password' }] },
      outputs: { values: 'answers' },
      onError: 'handle',
      errorVariable: 'problem',
    },
    { id: 'ask', type: 'dialogs.confirm', params: { message: { expr: "'Send ' + total + '?'" } }, outputs: { answer: 'sent' } },
    { id: 'yes', type: 'core.log', params: { message: { expr: "'sent ' + total + ' with pin ' + answers.pin" } } },
    { id: 'unattended', type: 'core.log', params: { message: 'no user interface' } },
  ],
  links: [...chain('start', 'form', 'ask'), ['ask', 'yes', 'yes'], ['form', 'unattended', 'error']],
});

describe('dialog blocks in a scenario run by the engine', () => {
  it('asks on the terminal, maps the typed answers and follows the yes port; the password stays out of the log', async () => {
    const term = scriptedTerminal([
      [/Amount \* \(number\): $/, '1200'],
      [/PIN: $/, 'pin-4711'],
      [/Send 1200\? \(y\/n\): $/, 'y'],
    ]);
    const services = toHostServices(terminalDialogImplementation({ input: term.input, output: term.output, interactive: true }));
    const { summary, logs } = await runScenario(form, { services });
    expect(summary.error).toBeUndefined();
    expect(summary.outputs).toMatchObject({ total: 1200, sent: true });
    expect(logs.join('\n')).toMatch(/sent 1200 with pin \S+/);
    expect(logs.join('\n')).not.toContain('pin-4711');
  });

  it('takes the error port with a clear message when the run has no user interface', async () => {
    const { summary, logs } = await runScenario(form, { services: {} });
    expect(summary.result).toBe('success');
    expect(summary.outputs.problem).toMatchObject({ blockId: 'form', code: 'UNATTENDED', message: expect.stringContaining('dialogs need an attended run') });
    expect(logs.join('\n')).toContain('no user interface');
  });
});
