/**
 * Screenshots of a paused debug run on the debug-loop sample — Variables, Breakpoints, Watch and
 * Console — in light and dark, English and Russian, into the temp folder (to look at, not
 * committed). Run: `node bin/tsnode.js e2e/debug-screenshots.ts`.
 */
import { designerShots, LOOKS, shootTo } from './support/shots.js';

const tabs = {
  variables: /^(Variables|Переменные)/,
  breakpoints: /^(Breakpoints|Точки останова)/,
  watch: /^(Watch|Наблюдение)/,
  console: /^(Console|Консоль)/,
};

await designerShots(LOOKS.all, 'debug-loop', async ({ page, designer, look, applyTheme, applyLanguage }) => {
  await applyTheme();
  // A conditional breakpoint, a log point, a disabled one; watches; then pause.
  for (const block of ['add', 'report', 'check']) {
    await designer.select(block);
    await page.keyboard.press('F9');
  }
  await designer.bottomTab('Breakpoints');
  const condition = page.getByRole('textbox', { name: 'Condition of add' });
  await condition.fill('i === 2');
  await condition.press('Enter');
  const log = page.getByRole('textbox', { name: 'Log message of report' });
  await log.fill('Sum is {sum}');
  await log.press('Enter');
  await page.getByRole('checkbox', { name: 'Breakpoint at check enabled' }).uncheck();
  await page.getByRole('checkbox', { name: 'Break on error' }).check();
  await designer.bottomTab('Watch');
  for (const w of ['i * rate', 'sums', 'token', 'nope']) {
    const add = page.getByRole('textbox', { name: 'Add a watch expression' });
    await add.fill(w);
    await add.press('Enter');
  }
  await page.keyboard.press('Control+F6');
  await page.locator('.block-node.paused').waitFor();
  await designer.bottomTab('Console');
  for (const e of ['sum + i', 'sums', '({ kind: "table", columns: ["i", "sum"], rows: [{ i, sum }, { i: i + 1, sum: sum + rate }] })', 'nope']) {
    const input = page.getByRole('textbox', { name: 'Console expression' });
    await input.fill(e);
    await input.press('Enter');
  }
  await page.getByTestId('console-result').nth(3).waitFor();
  await applyLanguage();
  for (const [name, tab] of Object.entries(tabs)) {
    await page.getByRole('tab', { name: tab }).click();
    await shootTo(page, `cairn-debug-${name}-${look.theme}-${look.lang}.png`);
  }
  // Break on error, then the failed run's mark: the sum set to 200 sends the run to "tooBig".
  await page.getByRole('tab', { name: tabs.variables }).click();
  const sum = page.getByRole('textbox', { name: /^(Live value of sum|Текущее значение sum)$/ });
  await sum.fill('200');
  await sum.press('Enter');
  await page.keyboard.press('F5');
  await page.locator('[data-testid="block-tooBig"].paused').waitFor();
  await page.getByRole('tab', { name: /^(Output|Вывод)/ }).click();
  await shootTo(page, `cairn-debug-error-${look.theme}-${look.lang}.png`);
  await page.keyboard.press('F5');
  await page.getByTestId('failure-tooBig').waitFor();
  await shootTo(page, `cairn-debug-failed-${look.theme}-${look.lang}.png`);
});
