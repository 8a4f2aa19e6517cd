import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';
import { DesignerPage, until } from './pages/DesignerPage.js';

const session = designerSession({ sample: 'hello' });

describe('crash recovery', () => {
  it('autosaves unsaved edits and offers them back when the project is opened again', async () => {
    const { page, designer, host } = session;
    const file = join(host.projectDir!, 'main.scenario.json');
    const original = await readFile(file, 'utf8');
    await designer.select('hello');
    await page.keyboard.press('Delete');
    await designer.block('hello').waitFor({ state: 'detached' });

    // The recovery copy lands in the app's data folder, not next to the scenario.
    const recoveryDir = join(host.dataDir, 'recovery');
    await until(async () => (await readdir(recoveryDir).catch(() => [])).length > 0, 'the recovery copy');

    // "Crash": the page goes away without saving or asking.
    const browser = page.context().browser()!;
    await page.close({ runBeforeUnload: false });
    const again = new DesignerPage(await browser.newPage({ viewport: { width: 1440, height: 900 } }));
    session.page = again.page;
    await again.open(host.url);
    const offer = again.page.getByRole('dialog', { name: 'Recover unsaved changes?' });
    await offer.getByRole('button', { name: 'Recover' }).click();
    await again.block('greet').waitFor();
    expect(await again.block('hello').count()).toBe(0);
    await again.page.getByRole('tab', { name: 'Hello' }).getByTestId('dirty-marker').waitFor();
    expect(await readFile(file, 'utf8')).toBe(original);

    // Undo takes the recovered edit back to what is on disk.
    await again.canvas.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await again.page.keyboard.press('Control+z');
    await again.block('hello').waitFor();
  }, 120_000);
});
