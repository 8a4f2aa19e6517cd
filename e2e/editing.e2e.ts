import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';
import { until } from './pages/DesignerPage.js';

const session = designerSession({ sample: 'hello' });
const mainFile = () => join(session.host.projectDir!, 'main.scenario.json');

/** Saves with Ctrl+S and waits until the file on disk holds exactly `expected` (or anything new). */
async function saveAndRead(expected?: string): Promise<string> {
  const before = await readFile(mainFile(), 'utf8');
  await session.designer.save();
  let text = before;
  await until(async () => {
    text = await readFile(mainFile(), 'utf8');
    return expected === undefined ? text !== before : text === expected;
  }, 'the saved file');
  return text;
}

describe('editing scenarios', () => {
  it('an invalid expression shows in Problems, and clicking the problem selects its block', async () => {
    const { page, designer } = session;
    await designer.select('greet');
    const editor = designer.expressionEditor('greet', 'message');
    await designer.typeInEditor(editor, '');
    await page.keyboard.press('End');
    await page.keyboard.type(' +');
    await designer.bottomTab('Problems');
    const problem = page.getByTestId('problem').filter({ hasText: 'greet' });
    await problem.waitFor();
    await designer.select('hello');
    await problem.click();
    await until(() => designer.isSelected('greet'), 'greet selected by the problem');
    expect(await designer.isSelected('hello')).toBe(false);
    await designer.properties.getByText('core.log').waitFor();
  }, 120_000);

  it('undo and redo restore the exact document states', async () => {
    const { page, designer } = session;
    await designer.block('greet').waitFor();
    const original = await readFile(mainFile(), 'utf8');

    await designer.dragBlock('core.log', 700, 300);
    await designer.block('log1').waitFor();
    await designer.connect('log1', 'next', 'end');
    await designer.select('hello');
    await page.keyboard.press('Delete');
    await designer.block('hello').waitFor({ state: 'detached' });
    const box = (await designer.block('compose').boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + 15);
    await page.mouse.down();
    await page.mouse.move(box.x + 160, box.y + 45, { steps: 8 });
    await page.mouse.up();
    await designer.properties.getByLabel('Title').fill('Greeting');
    const edited = await saveAndRead();
    expect((JSON.parse(edited) as { blocks: { id: string }[] }).blocks.map((b) => b.id)).toEqual(['start', 'compose', 'greet', 'end', 'log1']);

    // Five edits back: the document is byte for byte the original file.
    await designer.canvas.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+z');
    await designer.block('hello').waitFor();
    await saveAndRead(original);

    // And forward again to exactly the edited state.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+y');
    await designer.block('hello').waitFor({ state: 'detached' });
    await saveAndRead(edited);
  }, 120_000);

  it('copies blocks with the link between them from one scenario and pastes them into another', async () => {
    const { page, designer } = session;
    await designer.select('hello');
    await designer.select('compose', { add: true });
    expect(await designer.isSelected('hello')).toBe(true);
    await page.keyboard.press('Control+c');

    await designer.newScenario('Other');
    await designer.block('start').waitFor();
    await designer.canvas.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+v');
    await designer.block('log1').waitFor();
    await designer.block('assign1').waitFor();
    await designer.edge('log1', 'next', 'assign1').waitFor({ state: 'attached' });
    expect(await designer.block('assign1').innerText()).toContain('Compose the greeting');

    // The source scenario is unchanged.
    await page.getByRole('tab', { name: 'Hello' }).click();
    await designer.block('hello').waitFor();
    expect(await page.getByTestId(/^block-/).count()).toBe(5);
  }, 120_000);
});
