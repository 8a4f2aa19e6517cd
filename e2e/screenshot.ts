/**
 * Takes docs/screenshot.png: the Designer at 1440×900 with the loop-with-errors sample open,
 * its script block selected (Monaco in the properties panel) and a finished run in Output.
 * Run: `node bin/tsnode.js e2e/screenshot.ts`.
 */
import { fileURLToPath } from 'node:url';
import { designerShots, shootTo } from './support/shots.js';

const out = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));

await designerShots([{ theme: 'light', lang: 'en' }], 'loop-with-errors', async ({ page, designer }) => {
  await designer.block('process').waitFor();
  await page.keyboard.press('F5');
  await page.getByTestId('run-result').waitFor();
  await designer.select('process');
  await page.locator('.code-editor .monaco-editor .view-lines').waitFor();
  await shootTo(page, out);
});
