import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'invoke' });

describe('core.invoke arguments', () => {
  it('lists the sub-scenario’s arguments with a field each; an edited argument changes the run', async () => {
    const { page, designer } = session;
    await designer.select('calculate');
    const form = designer.properties.getByTestId('invoke-arguments');
    const input = (name: string) => form.getByRole('textbox', { name: `Input argument ${name}` });
    expect(await input('price').inputValue()).toBe('price');
    expect(await input('quantity').inputValue()).toBe('quantity');
    expect(await input('discount').inputValue()).toBe('10');
    const total = form.getByRole('combobox', { name: 'Output argument total' });
    expect(await total.inputValue()).toBe('total');

    await input('discount').fill('50');
    await input('price').fill('price + 50');
    await page.keyboard.press('Control+F5');
    await page.getByTestId('run-result').filter({ hasText: 'Run succeeded' }).waitFor({ timeout: 30_000 });
    // (250 + 50) × 4, less 50 %
    await designer.outputLines().filter({ hasText: 'Total: 600' }).waitFor();

    // Emptied: not passed, so the sub-scenario's default applies (shown as the placeholder).
    await input('discount').fill('');
    expect(await input('discount').getAttribute('placeholder')).toBe('default: 0');
  }, 60_000);

  it('falls back to the raw JSON fields when the invoked scenario is unknown', async () => {
    const { designer } = session;
    await designer.select('calculate');
    await designer.properties.getByRole('textbox', { name: 'Scenario file', exact: true }).fill('lib/missing.scenario.json');
    await designer.properties.getByTestId('param-in').waitFor();
    expect(await designer.properties.getByTestId('invoke-arguments').count()).toBe(0);
  }, 60_000);
});
