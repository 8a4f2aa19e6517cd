/**
 * Takes docs/screenshot.png: the Designer at 1440×900 with the loop-with-errors sample open,
 * its script block selected (Monaco in the properties panel) and a finished run in Output.
 * Run: `node bin/tsnode.js e2e/screenshot.ts`.
 */
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from './support/build.js';
import { launchChromium } from './support/browser.js';
import { startTestHost } from './support/host.js';
import { DesignerPage } from './pages/DesignerPage.js';

const out = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));

await ensureRendererBuilt();
const host = await startTestHost({ sample: 'loop-with-errors' });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
  const designer = new DesignerPage(page);
  await designer.open(host.url);
  await designer.block('process').waitFor();
  await page.keyboard.press('F5');
  await page.getByTestId('run-result').waitFor();
  await designer.select('process');
  await page.locator('.code-editor .monaco-editor .view-lines').waitFor();
  await page.mouse.move(0, 450); // no hover highlight in the picture
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await host.dispose();
}
