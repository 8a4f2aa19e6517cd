import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scriptedTerminal } from '../activities/dialogs/testing/scriptedTerminal.js';
import { NOT_INTERACTIVE, terminalDialogImplementation } from './dialogs.js';

function dialogs(script: [RegExp, string | null][]) {
  const term = scriptedTerminal(script);
  return { term, impl: terminalDialogImplementation({ input: term.input, output: term.output, interactive: true }) };
}

describe('terminal dialogs of cairn run', () => {
  it('asks each form field with its type, re-asks a wrong answer and hides the password', async () => {
    const { term, impl } = dialogs([
      [/Amount \* \(number\): $/, 'twelve'],
      [/Amount \* \(number\): $/, '12,5'],
      [/Approved \(y\/n\): $/, 'да'],
      [/PIN: $/, 's3cret-pin'],
      [/Due \(YYYY-MM-DD\): $/, '2026-12-31'],
      [/Region \[north\]: $/, '2'],
    ]);
    const values = await impl['dialog.input']!({
      title: 'Invoice',
      message: 'Check the invoice',
      fields: [
        { name: 'amount', label: 'Amount', type: 'number', required: true },
        { name: 'ok', label: 'Approved', type: 'boolean' },
        { name: 'pin', label: 'PIN', type: 'password' },
        { name: 'due', label: 'Due', type: 'date' },
        { name: 'region', label: 'Region', type: 'choice', choices: ['north', 'south'], default: 'north' },
      ],
    });
    expect(values).toEqual({ amount: '12,5', ok: true, pin: 's3cret-pin', due: '2026-12-31', region: 'south' });
    expect(term.transcript()).toContain('enter a number');
    expect(term.transcript()).toContain('2) south');
    expect(term.transcript()).not.toContain('s3cret-pin');
  });

  it('keeps defaults for empty answers and treats end of input as cancel', async () => {
    const first = dialogs([[/Name \[Anna\]: $/, '']]);
    expect(await first.impl['dialog.input']!({ title: 'Who', fields: [{ name: 'n', label: 'Name', type: 'text', default: 'Anna' }] })).toEqual({ n: 'Anna' });
    const second = dialogs([[/Name: $/, null]]);
    expect(await second.impl['dialog.input']!({ title: 'Who', fields: [{ name: 'n', label: 'Name', type: 'text' }] })).toBeNull();
  });

  it('confirms yes/no, chooses a path (empty = cancel) and waits for Enter on a message', async () => {
    const { term, impl } = dialogs([
      [/Delete 3 files\? \(y\/n\): $/, 'maybe'],
      [/Delete 3 files\? \(y\/n\): $/, 'y'],
      [/path of the file \(xlsx\), empty to cancel: $/, '/tmp/in.xlsx'],
      [/path of the folder, empty to cancel: $/, ''],
      [/Press Enter to continue… $/, ''],
    ]);
    expect(await impl['dialog.confirm']!({ title: 'Cleanup', message: 'Delete 3 files?' })).toBe(true);
    expect(await impl['dialog.chooseFile']!({ title: 'Report', filters: ['xlsx'] })).toBe('/tmp/in.xlsx');
    expect(await impl['dialog.chooseFile']!({ title: 'Where', folder: true })).toBeNull();
    await impl['dialog.message']!({ title: 'Done', message: 'All invoices sent', level: 'warning' });
    expect(term.transcript()).toContain('⚠ Done\nAll invoices sent');
    expect(term.unanswered()).toBe(0);
  });

  it('fails every dialog at once when nobody can answer (stdin is not a TTY)', async () => {
    const impl = terminalDialogImplementation({ input: new PassThrough(), output: new PassThrough(), interactive: false });
    await expect(impl['dialog.confirm']!({ title: 't', message: 'm' })).rejects.toThrow(NOT_INTERACTIVE);
    await expect(impl['dialog.message']!({ title: 't', message: 'm' })).rejects.toThrow(/not an interactive terminal/);
  });
});
