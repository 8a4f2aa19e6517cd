import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'hello' });

describe('debugging', () => {
  it('pauses at a breakpoint with live variables, then continues to the end', async () => {
    const { page, designer } = session;
    await designer.select('greet');
    await page.keyboard.press('F9');
    await designer.block('greet').getByRole('img', { name: 'Breakpoint' }).waitFor();

    await designer.button('Debug').click();
    await page.getByRole('status').filter({ hasText: 'Paused at greet' }).waitFor({ timeout: 30_000 });
    expect(await designer.block('greet').getAttribute('class')).toContain('paused');

    await designer.bottomTab('Variables');
    // While paused the live value is an editable field.
    expect(await page.getByRole('textbox', { name: 'Live value of greeting' }).inputValue()).toBe('Nice to meet you, World!');

    await designer.button('Continue').click();
    await designer.bottomTab('Output');
    await page.getByTestId('run-result').filter({ hasText: 'Run succeeded' }).waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().allInnerTexts()).toEqual(['Hello, Cairn!', 'Nice to meet you, World!']);
  }, 120_000);
});
