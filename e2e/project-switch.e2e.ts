import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'debug-loop' });
const hello = fileURLToPath(new URL('../resources/samples/hello', import.meta.url));

describe('opening another project', () => {
  it('asks about unsaved tabs (cancel keeps them) and starts with an empty Output', async () => {
    const { page, designer, host } = session;
    const other = join(host.workDir, 'hello');
    await cp(hello, other, { recursive: true });
    await designer.block('loop').waitFor();
    await page.keyboard.press('Control+F5');
    await page.getByTestId('run-result').filter({ hasText: 'Run succeeded' }).waitFor({ timeout: 30_000 });
    await designer.select('loop');
    await designer.properties.getByRole('spinbutton', { name: 'Times', exact: true }).fill('4');
    await page.getByRole('tab', { name: /Sum in a loop/ }).getByTestId('dirty-marker').waitFor();

    const openOther = async () => {
      await designer.button('Open project').click();
      const dialog = page.getByRole('dialog', { name: 'Open project' });
      await dialog.getByLabel('Folder', { exact: true }).fill(other);
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      return page.getByRole('dialog', { name: 'Unsaved changes' });
    };
    const question = await openOther();
    await question.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: /Sum in a loop/ }).getByTestId('dirty-marker').waitFor();

    const again = await openOther();
    await again.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('tab', { name: 'Hello' }).waitFor();
    expect(await page.getByRole('tab', { name: /Sum in a loop/ }).count()).toBe(0);
    await designer.bottomTab('Output');
    expect(await designer.outputLines().count()).toBe(0);
    expect(await page.getByTestId('run-result').count()).toBe(0);
  }, 120_000);
});
