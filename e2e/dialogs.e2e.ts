import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'hello' });

/** Asks for an amount, then for confirmation; logs the amount when confirmed. */
const askScenario = {
  format: 'cairn.scenario/1',
  id: 'e2e-ask',
  name: 'Ask',
  variables: [
    { name: 'total', type: 'number' },
    { name: 'answers', type: 'dictionary' },
  ],
  blocks: [
    { id: 'start', type: 'core.start', at: [0, 0] },
    {
      id: 'form',
      type: 'dialogs.input',
      at: [0, 120],
      params: { title: 'Invoice', fields: [{ name: 'amount', label: 'Amount', type: 'number', required: true, variable: 'total' }] },
      outputs: { values: 'answers' },
    },
    { id: 'ask', type: 'dialogs.confirm', at: [0, 240], params: { message: { expr: "'Send ' + total + '?'" } } },
    { id: 'sent', type: 'core.log', at: [0, 360], params: { message: { expr: "'sent ' + total" } } },
  ],
  links: [
    { from: 'start', port: 'next', to: 'form' },
    { from: 'form', port: 'next', to: 'ask' },
    { from: 'ask', port: 'yes', to: 'sent' },
  ],
};

describe('dialogs during a run', () => {
  it('shows the questions blocks ask as modal dialogs and sends the answers back to the run', async () => {
    const { page, designer, host } = session;
    await writeFile(join(host.projectDir!, 'ask.scenario.json'), `${JSON.stringify(askScenario, null, 2)}\n`);
    await designer.openProject(host.projectDir!);
    await designer.openScenario('Ask');
    await designer.block('form').waitFor();

    await page.keyboard.press('F5');
    const form = page.getByRole('dialog', { name: 'Invoice' });
    await form.getByLabel('Amount').fill('1200');
    await form.getByRole('button', { name: 'OK' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Send 1200?' });
    await confirm.getByRole('button', { name: 'Yes' }).click();

    await page.getByTestId('run-result').filter({ hasText: 'Run succeeded' }).waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().allInnerTexts()).toContain('sent 1200');
    expect(await page.getByRole('dialog').count()).toBe(0);
  }, 120_000);
});
