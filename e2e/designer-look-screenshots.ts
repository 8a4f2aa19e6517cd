/**
 * Screenshots of the same samples for comparing the Designer's look (before/after a change):
 * loop-with-errors, debug-loop and invoke (and `start`: the start page, no project), light/EN and dark/RU, into the temp folder (to look
 * at, not committed). Run: `LOOK_LABEL=after node bin/tsnode.js e2e/designer-look-screenshots.ts`.
 */
import { designerShots, LOOKS, shootTo } from './support/shots.js';

const label = process.env.LOOK_LABEL ?? 'now';
const samples = (process.env.LOOK_SAMPLES ?? 'loop-with-errors,debug-loop,invoke').split(',');

for (const sample of samples) {
  await designerShots(LOOKS.pair, sample === 'start' ? undefined : sample, async ({ page, designer, look, applyTheme, applyLanguage }) => {
    await page.locator(sample === 'start' ? '.start-page li' : '.react-flow__node').first().waitFor();
    await applyTheme();
    await applyLanguage();
    // Every palette category open, so the picture shows their icons and colours.
    const closed = page.locator('.palette details:not([open]) summary');
    while ((await closed.count()) > 0) await closed.first().click();
    // The invoke sample shows its block's arguments form in Properties.
    if (sample === 'invoke') await designer.select('calculate');
    await shootTo(page, `cairn-look-${label}-${sample}-${look.theme}-${look.lang}.png`);
  });
}
