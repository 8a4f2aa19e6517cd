import { describe, expect, it } from 'vitest';
import type { RunOutput } from './runOutput.js';
import { terminalServices } from './terminalServices.js';

function recordingOutput(): RunOutput & { notes: string[] } {
  const notes: string[] = [];
  return {
    notes,
    event() {},
    suspend() {},
    resume() {},
    finish() {},
    note: (message) => notes.push(message),
  };
}

describe('terminal host services', () => {
  it('shows a message dialog as a line in the run output', async () => {
    const output = recordingOutput();
    await terminalServices(output)['dialog.message']({
      title: 'Invoices',
      message: '3 sent',
      level: 'warning',
    });
    expect(output.notes).toEqual(['! Invoices: 3 sent']);
  });

  it('refuses a question when nobody can answer it, instead of hanging', async () => {
    // Under the test runner stdin is not a terminal, as in a scheduled run.
    expect(process.stdin.isTTY).not.toBe(true);
    const services = terminalServices(recordingOutput());
    await expect(services['dialog.confirm']({ title: 'Send?', message: 'Send 3 invoices' })).rejects.toThrow(
      /needs an interactive terminal/,
    );
    await expect(
      services['dialog.input']({ title: 'Login', fields: [{ name: 'user', label: 'User', type: 'text' }] }),
    ).rejects.toThrow(/needs an interactive terminal/);
  });
});
