import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';
import { until } from './pages/DesignerPage.js';

/**
 * The run and debug controls on a loop that calls a sub-scenario (resources/samples/debug-loop):
 * sum += i × rate for i = 0, 1, 2, so with rate 2 the run logs "Sum: 6".
 */
const session = designerSession({ sample: 'debug-loop' });

const paused = (block: string) => session.page.getByRole('status').filter({ hasText: `Paused at ${block}` });
const succeeded = () => session.page.getByTestId('run-result').filter({ hasText: 'Run succeeded' });

describe('debug controls', () => {
  it('Ctrl+F5 runs without debugging, to success, past a breakpoint', async () => {
    const { page, designer } = session;
    await designer.select('add');
    await page.keyboard.press('F9');
    await designer.block('add').getByRole('img', { name: 'Breakpoint' }).waitFor();
    await page.keyboard.press('Control+F5');
    await succeeded().waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().allInnerTexts()).toEqual(['Sum: 6']);
    expect(await designer.button('Run').getAttribute('title')).toBe('Run (Ctrl+F5)');
    expect(await designer.button('Abort').getAttribute('title')).toBe('Abort (Ctrl+Alt+F5)');
  }, 120_000);

  it('a variable edited while paused changes the outcome', async () => {
    const { page, designer } = session;
    await designer.select('add');
    await page.keyboard.press('F9');
    await page.keyboard.press('Control+F6');
    await paused('add').waitFor({ timeout: 30_000 });
    expect(await designer.block('add').getAttribute('class')).toContain('paused');

    await designer.bottomTab('Variables');
    const rate = page.getByRole('textbox', { name: 'Live value of rate' });
    expect(await rate.inputValue()).toBe('2');
    await rate.fill('10');
    await rate.press('Enter');
    await until(async () => (await rate.inputValue()) === '10', 'the runner to confirm rate = 10');

    await designer.select('add');
    await page.keyboard.press('F9'); // breakpoint off, so the loop runs through
    await page.keyboard.press('F5');
    await designer.bottomTab('Output');
    await succeeded().waitFor({ timeout: 30_000 });
    // 0×10 + 1×10 + 2×10
    expect(await designer.outputLines().allInnerTexts()).toEqual(['Sum: 30']);
  }, 120_000);

  it('Step Into opens the sub-scenario tab at its first block', async () => {
    const { page, designer } = session;
    await designer.select('add');
    await page.keyboard.press('F9');
    await designer.button('Debug').click();
    await paused('add').waitFor({ timeout: 30_000 });
    await page.keyboard.press('F11');
    await page.getByRole('tab', { name: 'Add', selected: true }).waitFor();
    await paused('start').waitFor();
    await until(async () => ((await designer.block('start').getAttribute('class')) ?? '').includes('paused'), 'start of Add outlined');
    await page.keyboard.press('F10');
    await until(async () => ((await designer.block('compute').getAttribute('class')) ?? '').includes('paused'), 'compute outlined');

    await designer.button('Step out').click();
    await page.getByRole('tab', { name: 'Sum in a loop', selected: true }).waitFor();
    await designer.button('Abort').click();
    await page.getByTestId('run-result').filter({ hasText: 'Run aborted' }).waitFor({ timeout: 30_000 });
  }, 120_000);

  it('debug from the selected block starts there', async () => {
    const { page, designer } = session;
    await designer.select('report');
    await page.keyboard.press('Control+Shift+F6');
    await paused('report').waitFor({ timeout: 30_000 });
    await page.keyboard.press('F5');
    await succeeded().waitFor({ timeout: 30_000 });
    // The loop never ran: the sum is still its default.
    expect(await designer.outputLines().allInnerTexts()).toEqual(['Sum: 0']);
  }, 120_000);
});

describe('while paused', () => {
  it('Run to here (block menu) continues to that block; the call stack opens a frame', async () => {
    const { page, designer } = session;
    await designer.select('add');
    await page.keyboard.press('F9');
    await page.keyboard.press('Control+F6');
    await paused('add').waitFor({ timeout: 30_000 });
    await page.keyboard.press('F9'); // off again: only Run to here stops the run now
    await designer.block('report').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Block actions' }).getByRole('menuitem', { name: 'Run to here' }).click();
    await paused('report').waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().count()).toBe(0);

    await designer.select('add');
    await page.keyboard.press('F9');
    await page.keyboard.press('F5'); // continue: the loop is done, so report runs and the run ends
    await succeeded().waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().allInnerTexts()).toEqual(['Sum: 6']);
  }, 120_000);

  it('the call stack lists the frames of a sub-scenario pause; a frame opens its scenario', async () => {
    const { page, designer } = session;
    await designer.select('add');
    await page.keyboard.press('F9');
    await page.keyboard.press('Control+F6');
    await paused('add').waitFor({ timeout: 30_000 });
    await page.keyboard.press('F11');
    await page.getByRole('tab', { name: 'Add', selected: true }).waitFor();
    await page.getByRole('tab', { name: /^Call stack/ }).click();
    const frames = page.getByTestId('stack-frame');
    await until(async () => (await frames.count()) === 2, 'two frames');
    expect(await frames.allInnerTexts()).toEqual(['Add — start', 'Sum in a loop — add']);
    await frames.nth(1).click();
    await page.getByRole('tab', { name: 'Sum in a loop', selected: true }).waitFor();
    await until(async () => designer.isSelected('add'), 'the calling block selected');
    await designer.button('Abort').click();
    await designer.bottomTab('Output');
    await page.getByTestId('run-result').filter({ hasText: 'Run aborted' }).waitFor({ timeout: 30_000 });
  }, 120_000);
});

describe('before a run', () => {
  it('Properties shows the default of a parameter missing from the file', async () => {
    const { designer } = session;
    await designer.select('report');
    expect(await designer.properties.getByRole('combobox', { name: 'Level' }).inputValue()).toBe('info');
  }, 60_000);

  it('a scenario with validation errors is not run; its problems are shown', async () => {
    const { page, designer } = session;
    await designer.select('loop');
    await designer.properties.getByRole('spinbutton', { name: 'Times', exact: true }).fill('');
    await page.keyboard.press('Control+F5');
    await page.getByRole('alert').filter({ hasText: 'Not run: the scenario has 1 error(s)' }).waitFor();
    await page.getByTestId('problem').filter({ hasText: 'Required parameter "count"' }).waitFor();
    expect(await page.getByTestId('run-result').count()).toBe(0);
  }, 60_000);
});
