/**
 * Takes the picker's pictures for docs/web-automation.md:
 *   docs/picker-overlay.png — the picker window hovering a field whose label sits beside it;
 *   docs/selector-field.png — the Designer's properties after a pick (Element, Find by, the
 *   Pick / Highlight / Record buttons, "1 match" and the alternatives).
 * Run: `node bin/tsnode.js e2e/screenshot-picker.ts`.
 */
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from './support/build.js';
import { launchChromium } from './support/browser.js';
import { startTestHost } from './support/host.js';
import { DesignerPage } from './pages/DesignerPage.js';
import { PickerWindow } from './pages/PickerWindow.js';
import { openWebProject } from './support/webProject.js';
import { startPickerSite } from '../src/picker/testing/pages.js';

const overlayOut = fileURLToPath(new URL('../docs/picker-overlay.png', import.meta.url));
const fieldOut = fileURLToPath(new URL('../docs/selector-field.png', import.meta.url));

const port = await new Promise<number>((done) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port: p } = server.address() as { port: number };
    server.close(() => done(p));
  });
});
process.env.CAIRN_PICKER_HEADLESS = '1';
process.env.CAIRN_PICKER_CDP_PORT = String(port);

await ensureRendererBuilt();
const site = await startPickerSite();
const host = await startTestHost();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
  const designer = new DesignerPage(page);
  await designer.open(host.url);
  const session = { host, page, designer };
  await openWebProject(session, site, [{ id: 'first', type: 'web.fill', params: { value: 'Ada' } }]);
  await designer.select('first');
  await designer.properties.getByRole('button', { name: 'Pick' }).click();
  const picker = await PickerWindow.attach(port, '/form');
  const field = picker.page.locator('[name=first]');
  const box = (await field.boundingBox())!;
  await picker.page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 4 });
  await picker.page.waitForTimeout(800); // the tooltip's proposal comes back from the picker
  await picker.page.screenshot({ path: overlayOut, clip: { x: 0, y: 0, width: 760, height: 420 } });
  console.log(`wrote ${overlayOut}`);
  await picker.page.mouse.click(box.x + 20, box.y + box.height / 2);
  await designer.properties.getByTestId('selector-status').filter({ hasText: '1 match' }).waitFor();
  await page.mouse.move(700, 850);
  await designer.properties.screenshot({ path: fieldOut });
  console.log(`wrote ${fieldOut}`);
  await picker.detach();
} finally {
  await browser.close();
  await host.dispose();
  await site.close();
}
