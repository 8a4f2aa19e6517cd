import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { serializeScenario } from '../src/scenario/serialize.js';
import { generateScenario } from '../bench/designer-bare/scenario.js';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'hello' });

describe('a large scenario', () => {
  it('keeps a minimap, and zoomed out draws blocks as tiles and links as one drawing; zoomed in, full detail again', async () => {
    const { page, designer, host } = session;
    await writeFile(join(host.projectDir!, 'big.scenario.json'), serializeScenario(generateScenario(400)));
    await page.reload();
    await designer.openScenario('Big');
    await designer.block('log1').waitFor();
    const minimap = page.getByRole('img', { name: 'Minimap' });
    await minimap.waitFor();
    expect(await designer.block('log1').locator('.block-title').count()).toBe(1);

    await designer.button('Fit to screen').click();
    await page.locator('.block-node.lod').first().waitFor();
    expect(await page.locator('.block-node:not(.lod)').count()).toBe(0);
    expect(await page.locator('.overview-links path').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="rf__edge-"]').count()).toBe(0);
    await minimap.waitFor();
    if (process.env.LOOK_SHOT) await page.screenshot({ path: join(tmpdir(), 'cairn-look-after-large-fit.png') });

    // Dragging a block keeps its own links live (React Flow edges) while the rest stay drawn.
    await designer.select('log60');
    expect(await page.locator('[data-testid^="rf__edge-"]').count()).toBe(2);

    // Zoomed in again, full detail; clicking the minimap where the first row starts moves the view there.
    await page.getByRole('button', { name: 'Zoom In' }).click({ clickCount: 1 });
    for (let i = 0; i < 8 && (await page.locator('.block-node.lod').count()) > 0; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.locator('.block-node:not(.lod)').first().waitFor();
    const box = (await minimap.boundingBox())!;
    // The 40-column grid fills the minimap's width, centred vertically: its first row is near the top of that band.
    await page.mouse.click(box.x + 6, box.y + box.height / 2 - 7);
    await designer.block('start').locator('.block-title').waitFor();
  }, 90_000);
});
