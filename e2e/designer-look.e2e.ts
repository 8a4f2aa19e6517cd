import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'excel-to-web' });

/** The category colour a block or palette entry is drawn with (its `--cat`). */
const tone = (el: Locator) => el.evaluate((node) => getComputedStyle(node).getPropertyValue('--cat').trim());
const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('the look of blocks and the palette', () => {
  it('gives every category its colour and every block an icon, on the canvas, in the palette and in the minimap', async () => {
    const { page, designer } = session;
    const loop = designer.block('each');
    const excel = designer.block('read');
    const web = designer.block('open');
    await loop.waitFor();
    for (const block of [loop, excel, web]) expect(await block.locator('.block-icon svg').count()).toBe(1);
    // Different categories, different colours; the same category the same colour everywhere.
    const [core, sheet, browser] = [await tone(loop), await tone(excel), await tone(web)];
    expect(new Set([core, sheet, browser]).size).toBe(3);
    const paletteLoop = page.getByTestId('palette-core.forEach');
    expect(await paletteLoop.locator('svg').count()).toBe(1);
    expect(await tone(paletteLoop)).toBe(core);
    // A block's own icon, not only its category's: For each and Assign differ.
    const icon = (el: Locator) => el.locator('svg').first().getAttribute('class');
    expect(await icon(paletteLoop)).not.toBe(await icon(page.getByTestId('palette-core.assign')));
    const minimapFills = await page
      .locator('.react-flow__minimap-node')
      .evaluateAll((rects) => new Set(rects.map((r) => getComputedStyle(r).fill)).size);
    expect(minimapFills).toBeGreaterThan(1);

    // Dark theme: the colours change with it (lighter tones on a dark canvas).
    await page.getByRole('button', { name: 'Theme' }).click();
    await page.locator(':root[data-theme="dark"]').waitFor({ state: 'attached' });
    expect(await tone(loop)).not.toBe(core);
  }, 60_000);

  it('puts a branch’s port labels inside its block, coloured by port, translated, with no labels on the links', async () => {
    const { page, designer } = session;
    const loop = designer.block('each');
    await loop.waitFor();
    const box = (await loop.boundingBox())!;
    for (const port of ['body', 'done']) {
      const label = page.getByTestId(`port-each-${port}`).locator('.port-label');
      expect(await label.textContent()).toBe(port);
      expect(inside((await label.boundingBox())!, box)).toBe(true);
    }
    expect(await page.locator('.react-flow__edge-text').count()).toBe(0);
    const stroke = (port: string) =>
      page.locator(`.react-flow__edge.link-${port} path.react-flow__edge-path`).first().evaluate((p) => getComputedStyle(p).stroke);
    expect(await stroke('body')).not.toBe(await stroke('done'));

    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect.poll(() => page.getByTestId('port-each-body').locator('.port-label').textContent()).toBe('тело');
    expect(await page.getByTestId('port-each-done').locator('.port-label').textContent()).toBe('готово');
  }, 60_000);
});
