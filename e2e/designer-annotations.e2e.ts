import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';

const session = designerSession({ sample: 'hello' });

describe('comments and groups on the canvas', () => {
  it('are notes without ports that never run and are not problems', async () => {
    const { page, designer, host } = session;
    await designer.block('greet').waitFor();
    await designer.dragBlock('core.comment', 620, 120);
    const note = page.locator('.note-node').first();
    await note.waitFor();
    const noteId = ((await note.getAttribute('data-testid')) ?? '').replace(/^block-/, '');
    await designer.select(noteId);
    await designer.properties.getByRole('textbox', { name: 'Text', exact: true }).fill('Greets whoever runs it');
    await note.getByText('Greets whoever runs it').waitFor();
    // No ports: nothing can link into or out of it.
    expect(await note.locator('.react-flow__handle').count()).toBe(0);

    await designer.dragBlock('core.group', 620, 300);
    const frame = page.locator('.group-node').first();
    await frame.waitFor();
    expect(await frame.locator('.react-flow__handle').count()).toBe(0);

    await designer.bottomTab('Problems');
    await page.getByText('No problems.').waitFor();

    await page.keyboard.press('Control+F5');
    await page.getByTestId('run-result').filter({ hasText: 'Run succeeded' }).waitFor({ timeout: 30_000 });
    await designer.bottomTab('Output');
    const lines = await designer.outputLines().allTextContents();
    expect(lines.some((l) => l.includes('Greets whoever'))).toBe(false);
    expect(await page.getByTestId('output-lines').getByRole('button', { name: noteId, exact: true }).count()).toBe(0);
    // Saved as an ordinary block of the file (Run saves first), so older Cairn versions still load it.
    const saved = JSON.parse(await readFile(join(host.projectDir!, 'main.scenario.json'), 'utf8')) as { blocks: { type: string }[] };
    expect(saved.blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['core.comment', 'core.group']));
  }, 90_000);
});
