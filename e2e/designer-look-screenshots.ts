/**
 * Screenshots of the same samples for comparing the Designer's look (before/after a change):
 * loop-with-errors, debug-loop and invoke (and `start`: the start page, no project), light/EN and dark/RU, into the temp folder (to look
 * at, not committed). Run: `LOOK_LABEL=after node bin/tsnode.js e2e/designer-look-screenshots.ts`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRendererBuilt } from './support/build.js';
import { launchChromium } from './support/browser.js';
import { startTestHost } from './support/host.js';
import { DesignerPage } from './pages/DesignerPage.js';

const label = process.env.LOOK_LABEL ?? 'now';
const samples = (process.env.LOOK_SAMPLES ?? 'loop-with-errors,debug-loop,invoke').split(',');

await ensureRendererBuilt();
const browser = await launchChromium();
try {
  for (const sample of samples) {
    for (const [theme, lang] of [['light', 'en'], ['dark', 'ru']] as const) {
      const host = await startTestHost(sample === 'start' ? {} : { sample });
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        page.setDefaultTimeout(30_000);
        const designer = new DesignerPage(page);
        await designer.open(host.url);
        await page.locator(sample === 'start' ? '.start-page li' : '.react-flow__node').first().waitFor();
        if (theme === 'dark') await page.getByRole('button', { name: 'Theme' }).click();
        if (lang === 'ru') await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
        // Every palette category open, so the picture shows their icons and colours.
        const closed = page.locator('.palette details:not([open]) summary');
        while ((await closed.count()) > 0) await closed.first().click();
        // The invoke sample shows its block's arguments form in Properties.
        if (sample === 'invoke') await designer.select('calculate');
        await page.mouse.move(0, 450);
        const out = join(tmpdir(), `cairn-look-${label}-${sample}-${theme}-${lang}.png`);
        await page.screenshot({ path: out });
        console.log(`wrote ${out}`);
        await page.close();
      } finally {
        await host.dispose();
      }
    }
  }
} finally {
  await browser.close();
}
