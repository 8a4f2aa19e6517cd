import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';
import { until } from './pages/DesignerPage.js';

/**
 * Breakpoints with conditions, log points, disable all, break on error, Watch and Console, on
 * resources/samples/debug-loop: sum += i × rate for i = 0, 1, 2 through the Add sub-scenario;
 * a sum of 100 or more makes the "tooBig" block fail the run.
 */
const session = designerSession({ sample: 'debug-loop' });

const paused = (block: string) => session.page.getByRole('status').filter({ hasText: `Paused at ${block}` });
const result = (text: string) => session.page.getByTestId('run-result').filter({ hasText: text });

/** A breakpoint on a block (F9), then its row in the Breakpoints panel. */
async function breakpointOn(block: string) {
  const { page, designer } = session;
  await designer.select(block);
  await page.keyboard.press('F9');
  await designer.bottomTab('Breakpoints');
  return page.getByTestId(`breakpoint-${block}`);
}

async function fillAndEnter(locator: ReturnType<typeof session.page.getByRole>, text: string) {
  await locator.fill(text);
  await locator.press('Enter');
}

describe('breakpoints', () => {
  it('a conditional breakpoint pauses only where its condition is true; Watch and Console evaluate there', async () => {
    const { page, designer } = session;
    const row = await breakpointOn('add');
    await fillAndEnter(row.getByRole('textbox', { name: 'Condition of add' }), 'i === 1');
    await designer.block('add').getByRole('img', { name: 'Conditional breakpoint' }).waitFor();

    await page.keyboard.press('Control+F6');
    await paused('add').waitFor({ timeout: 30_000 });

    await designer.bottomTab('Watch');
    await fillAndEnter(page.getByRole('textbox', { name: 'Add a watch expression' }), 'i * rate');
    await until(async () => (await page.getByTestId('watch-value').innerText()) === '2', 'the watch i * rate = 2');

    await designer.bottomTab('Console');
    const input = page.getByRole('textbox', { name: 'Console expression' });
    await fillAndEnter(input, 'i');
    await fillAndEnter(input, 'nope + 1');
    await fillAndEnter(input, '({ kind: "table", columns: ["i", "sum"], rows: [{ i, sum }] })');
    const results = page.getByTestId('console-result');
    await until(async () => (await results.count()) === 3, 'three console answers');
    expect(await results.nth(0).innerText()).toBe('1');
    expect(await results.nth(1).innerText()).toContain('nope is not defined');
    // A table is shown as a grid, as in Variables.
    expect(await results.nth(2).getByTestId('value-grid').locator('tbody td').allInnerTexts()).toEqual(['0', '1', '0']);

    // Continue: i = 2 does not match, so the run ends without pausing again.
    await page.keyboard.press('F5');
    await designer.bottomTab('Output');
    await result('Run succeeded').waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().allInnerTexts()).toEqual(['Sum: 6']);
    // The main scenario's out-arguments, at the end of the run.
    expect(await page.getByTestId('run-output-sum').innerText()).toBe('sum = 6');
  }, 120_000);

  it('a log point logs its message and does not pause', async () => {
    const { page, designer } = session;
    const row = await breakpointOn('add');
    await fillAndEnter(row.getByRole('textbox', { name: 'Log message of add' }), 'i = {i}, sum = {sum}');
    await designer.block('add').getByRole('img', { name: 'Log point' }).waitFor();
    await page.keyboard.press('Control+F6');
    await designer.bottomTab('Output');
    await result('Run succeeded').waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().allInnerTexts()).toEqual(['i = 0, sum = 0', 'i = 1, sum = 0', 'i = 2, sum = 2', 'Sum: 6']);
  }, 120_000);

  it('disable all runs through; breakpoints are kept for the workspace across a reload', async () => {
    const { page, designer } = session;
    await breakpointOn('add');
    await breakpointOn('report');
    await designer.button('Disable all').click();
    await designer.block('add').getByRole('img', { name: 'Disabled breakpoint' }).waitFor();
    await designer.block('report').getByRole('img', { name: 'Disabled breakpoint' }).waitFor();
    await page.keyboard.press('Control+F6');
    await designer.bottomTab('Output');
    await result('Run succeeded').waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().allInnerTexts()).toEqual(['Sum: 6']);

    await page.reload();
    await designer.block('add').getByRole('img', { name: 'Disabled breakpoint' }).waitFor();
    await designer.bottomTab('Breakpoints');
    expect(await page.getByRole('checkbox', { name: 'Breakpoint at report enabled' }).isChecked()).toBe(false);
    await designer.button('Enable all').click();
    await designer.block('report').getByRole('img', { name: 'Breakpoint' }).waitFor();
    await page.keyboard.press('Control+F6');
    await paused('add').waitFor({ timeout: 30_000 });
    await designer.button('Abort').click();
    await result('Run aborted').waitFor({ timeout: 30_000 });
  }, 120_000);

  it('a breakpoint row opens its scenario at the block', async () => {
    const { page, designer } = session;
    await designer.openScenario('Add');
    await page.getByRole('tab', { name: 'Add', selected: true }).waitFor();
    await breakpointOn('compute');
    await page.getByRole('tab', { name: 'Sum in a loop' }).click();
    await page.getByRole('tab', { name: 'Sum in a loop', selected: true }).waitFor();
    await designer.bottomTab('Breakpoints');
    await page.getByTestId('breakpoint-compute').getByRole('button', { name: /Add — .*compute/ }).click();
    await page.getByRole('tab', { name: 'Add', selected: true }).waitFor();
    await until(async () => designer.isSelected('compute'), 'compute selected');

    // The breakpoint belongs to Add's file: debugging the main scenario pauses inside Add.
    await page.getByRole('tab', { name: 'Sum in a loop' }).click();
    await page.getByRole('tab', { name: 'Sum in a loop', selected: true }).waitFor();
    await page.keyboard.press('Control+F6');
    await paused('compute').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Add', selected: true }).waitFor();
    await designer.button('Abort').click();
    await result('Run aborted').waitFor({ timeout: 30_000 });
  }, 120_000);
});

describe('break on error', () => {
  it('pauses at the failing block before its error policy applies; after the run the block shows the message', async () => {
    const { page, designer } = session;
    await breakpointOn('add');
    await page.getByRole('checkbox', { name: 'Break on error' }).check();
    await page.keyboard.press('Control+F6');
    await paused('add').waitFor({ timeout: 30_000 });
    // rate 100 makes the sum 300: the check sends the run to the "tooBig" block, which throws.
    await designer.bottomTab('Variables');
    const rate = page.getByRole('textbox', { name: 'Live value of rate' });
    await fillAndEnter(rate, '100');
    await until(async () => (await rate.inputValue()) === '100', 'the runner to confirm rate = 100');
    await designer.select('add');
    await page.keyboard.press('F9');
    await page.keyboard.press('F5');

    await designer.bottomTab('Output');
    await paused('tooBig').filter({ hasText: 'Sum 300 is 100 or more' }).waitFor({ timeout: 30_000 });
    await until(async () => ((await designer.block('tooBig').getAttribute('class')) ?? '').includes('paused'), 'tooBig outlined');
    await page.keyboard.press('F5');
    await result('Run failed').waitFor({ timeout: 30_000 });
    await until(async () => ((await designer.block('tooBig').getAttribute('class')) ?? '').includes('failed'), 'tooBig marked failed');
    expect(await page.getByTestId('failure-tooBig').innerText()).toContain('Sum 300 is 100 or more');
  }, 120_000);
});

describe('variables while paused', () => {
  it('a list expands; a secret is masked until Reveal, and never reaches the Output', async () => {
    const { page, designer } = session;
    await breakpointOn('report');
    await page.keyboard.press('Control+F6');
    await paused('report').waitFor({ timeout: 30_000 });
    await designer.bottomTab('Variables');
    const sumsCell = page.getByRole('row').filter({ has: page.getByRole('textbox', { name: 'Live value of sums' }) });
    expect(await page.getByRole('textbox', { name: 'Live value of sums' }).inputValue()).toBe('[0,2,6]');
    await sumsCell.getByText('list (3)').click();
    expect(await sumsCell.locator('.value-tree li').allInnerTexts()).toEqual(['0: 0', '1: 2', '2: 6']);

    const token = page.getByTestId('secret-token');
    expect(await token.innerText()).toBe('••••••');
    await page.getByRole('button', { name: 'Reveal' }).click();
    await until(async () => (await token.innerText()) === 'demo-token-42', 'the secret revealed');
    await page.getByRole('button', { name: 'Hide' }).click();
    expect(await token.innerText()).toBe('••••••');

    await page.keyboard.press('F5');
    await designer.bottomTab('Output');
    await result('Run succeeded').waitFor({ timeout: 30_000 });
    expect((await designer.outputLines().allInnerTexts()).join('\n')).not.toContain('demo-token-42');
    expect(await page.getByTestId('run-output-sums').innerText()).toContain('list (3)');
  }, 120_000);
});
