/**
 * Screenshots of a paused debug run on the debug-loop sample, light/EN and dark/RU, into the temp
 * folder (to look at, not committed). Run: `node bin/tsnode.js e2e/debug-screenshots.ts`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRendererBuilt } from './support/build.js';
import { launchChromium } from './support/browser.js';
import { startTestHost } from './support/host.js';
import { DesignerPage } from './pages/DesignerPage.js';

await ensureRendererBuilt();
const browser = await launchChromium();
try {
  for (const [theme, lang] of [['light', 'en'], ['dark', 'ru']] as const) {
    const host = await startTestHost({ sample: 'debug-loop' });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.setDefaultTimeout(30_000);
      const designer = new DesignerPage(page);
      await designer.open(host.url);
      if (theme === 'dark') await page.getByRole('button', { name: 'Theme' }).click();
      await designer.select('add');
      await page.keyboard.press('F9');
      await page.keyboard.press('Control+F6');
      await page.locator('.block-node.paused').waitFor();
      if (lang === 'ru') await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
      await page.getByRole('tab', { name: /^(Variables|Переменные)/ }).click();
      await page.mouse.move(0, 450);
      const out = join(tmpdir(), `cairn-debug-${theme}-${lang}.png`);
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
