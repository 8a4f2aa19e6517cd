import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Page } from 'playwright-core';
import { DesignerPage } from '../pages/DesignerPage.js';
import { launchChromium } from './browser.js';
import { ensureRendererBuilt } from './build.js';
import { startTestHost } from './host.js';

/**
 * The screenshot scripts' common part (`e2e/*screenshot*.ts`, run by hand to look at the UI): a
 * fresh host and a 1440×900 Designer page for each shot, in the looks asked for.
 */

export type Look = { theme: 'light' | 'dark'; lang: 'en' | 'ru' };
export type Shot = { page: Page; designer: DesignerPage; look: Look; applyTheme(): Promise<void>; applyLanguage(): Promise<void> };

export const LOOKS: Record<'all' | 'pair', Look[]> = {
  all: [
    { theme: 'light', lang: 'en' },
    { theme: 'dark', lang: 'en' },
    { theme: 'light', lang: 'ru' },
    { theme: 'dark', lang: 'ru' },
  ],
  pair: [
    { theme: 'light', lang: 'en' },
    { theme: 'dark', lang: 'ru' },
  ],
};

/** For each look: a host (with `sample` open, when given), a page on it, then `shoot`. */
export async function designerShots(looks: Look[], sample: string | undefined, shoot: (shot: Shot) => Promise<void>): Promise<void> {
  await ensureRendererBuilt();
  const browser = await launchChromium();
  try {
    for (const look of looks) {
      const host = await startTestHost(sample ? { sample } : {});
      try {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        page.setDefaultTimeout(30_000);
        const designer = new DesignerPage(page);
        await designer.open(host.url);
        await shoot({
          page,
          designer,
          look,
          applyTheme: async () => {
            if (look.theme === 'dark') await page.getByRole('button', { name: 'Theme' }).click();
          },
          applyLanguage: async () => {
            if (look.lang === 'ru') await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
          },
        });
        await page.close();
      } finally {
        await host.dispose();
      }
    }
  } finally {
    await browser.close();
  }
}

/** Writes the page's picture (a bare name: into the temp folder), with no hover highlight, and says where. */
export async function shootTo(page: Page, name: string): Promise<string> {
  const out = isAbsolute(name) ? name : join(tmpdir(), name);
  await page.mouse.move(0, 450);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
  return out;
}
