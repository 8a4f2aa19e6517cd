/**
 * Screenshots of a paused debug run on the debug-loop sample — Variables, Breakpoints, Watch and
 * Console — in light and dark, English and Russian, into the temp folder (to look at, not
 * committed). Run: `node bin/tsnode.js e2e/debug-screenshots.ts`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRendererBuilt } from './support/build.js';
import { launchChromium } from './support/browser.js';
import { startTestHost } from './support/host.js';
import { DesignerPage } from './pages/DesignerPage.js';

const tabs = {
  variables: /^(Variables|Переменные)/,
  breakpoints: /^(Breakpoints|Точки останова)/,
  watch: /^(Watch|Наблюдение)/,
  console: /^(Console|Консоль)/,
};

await ensureRendererBuilt();
const browser = await launchChromium();
try {
  for (const [theme, lang] of [['light', 'en'], ['dark', 'en'], ['light', 'ru'], ['dark', 'ru']] as const) {
    const host = await startTestHost({ sample: 'debug-loop' });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.setDefaultTimeout(30_000);
      const designer = new DesignerPage(page);
      await designer.open(host.url);
      if (theme === 'dark') await page.getByRole('button', { name: 'Theme' }).click();
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
      if (lang === 'ru') await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
      await page.mouse.move(0, 450);
      for (const [name, tab] of Object.entries(tabs)) {
        await page.getByRole('tab', { name: tab }).click();
        const out = join(tmpdir(), `cairn-debug-${name}-${theme}-${lang}.png`);
        await page.screenshot({ path: out });
        console.log(`wrote ${out}`);
      }
      // Break on error, then the failed run's mark: the sum set to 200 sends the run to "tooBig".
      await page.getByRole('tab', { name: tabs.variables }).click();
      const sum = page.getByRole('textbox', { name: /^(Live value of sum|Текущее значение sum)$/ });
      await sum.fill('200');
      await sum.press('Enter');
      await page.keyboard.press('F5');
      await page.locator('[data-testid="block-tooBig"].paused').waitFor();
      await page.getByRole('tab', { name: /^(Output|Вывод)/ }).click();
      await page.screenshot({ path: join(tmpdir(), `cairn-debug-error-${theme}-${lang}.png`) });
      await page.keyboard.press('F5');
      await page.getByTestId('failure-tooBig').waitFor();
      const out = join(tmpdir(), `cairn-debug-failed-${theme}-${lang}.png`);
      await page.screenshot({ path: out });
      console.log(`wrote ${out}`);
      await page.close();
    } finally {
      await host.dispose();
    }
  }
} finally {
  await browser.close();
}
