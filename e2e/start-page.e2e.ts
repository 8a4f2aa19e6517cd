import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';
import { DesignerPage } from './pages/DesignerPage.js';

// No project given on the command line: the Designer opens on its start page.
const session = designerSession();

describe('the start page', () => {
  it('opens a sample in one click, and a page reload opens the same project again', async () => {
    const { page } = session;
    const start = page.getByRole('region', { name: 'Start' });
    await start.getByText('No recent projects yet.').waitFor();
    await start.getByRole('button', { name: 'Open the sample debug-loop' }).click();
    await page.getByRole('tab', { name: 'Sum in a loop' }).waitFor();
    await page.getByRole('region', { name: 'Project' }).getByRole('heading', { name: 'debug-loop' }).waitFor();
    expect(await start.count()).toBe(0);

    await page.reload();
    await page.getByRole('tab', { name: 'Sum in a loop' }).waitFor();
    await page.getByRole('region', { name: 'Project' }).getByRole('heading', { name: 'debug-loop' }).waitFor();
  }, 60_000);

  it('lists recent projects (one click opens one), and Open project starts in the last project’s folder', async () => {
    const { page, host } = session;
    await page.getByRole('region', { name: 'Start' }).getByRole('button', { name: 'Open the sample hello' }).click();
    await page.getByRole('tab', { name: 'Hello' }).waitFor();
    await page.getByRole('button', { name: 'Close Hello' }).click();
    const start = page.getByRole('region', { name: 'Start' });
    await start.getByRole('button', { name: 'hello', exact: true }).waitFor();

    // A new window (nothing remembered in it) shows the start page with the recent project.
    const browser = page.context().browser()!;
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await new DesignerPage(other).open(host.url);
      const recent = other.getByRole('region', { name: 'Start' }).getByRole('button', { name: 'hello', exact: true });
      await recent.click();
      await other.getByRole('tab', { name: 'Hello' }).waitFor();

      await other.getByRole('button', { name: 'Open project', exact: true }).click();
      const dialog = other.getByRole('dialog', { name: 'Open project' });
      const folder = dialog.getByLabel('Folder', { exact: true });
      await expect.poll(() => folder.inputValue()).toBe(join(host.dataDir, 'samples'));
      await dialog.getByRole('button', { name: 'hello' }).waitFor();
    } finally {
      await other.close();
    }
  }, 60_000);
});
