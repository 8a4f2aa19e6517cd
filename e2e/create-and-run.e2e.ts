import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';
import { until } from './pages/DesignerPage.js';

const session = designerSession();

describe('a new user builds, saves, reopens and runs a scenario', () => {
  it('creates a project, draws Start → Assign → If → Log ×2 → End, saves, reopens it unchanged and runs it', async () => {
    const { host, page, designer } = session;
    await designer.newProject(host.workDir, 'Invoices');
    const projectDir = join(host.workDir, 'Invoices');
    await designer.newScenario('Check total');
    const file = join(projectDir, 'check-total.scenario.json');

    // The new scenario comes with a start block; the user replaces it with one from the palette.
    await designer.select('start');
    await page.keyboard.press('Delete');
    await designer.block('start').waitFor({ state: 'detached' });

    await designer.dragBlock('core.start', 420, 40);
    await designer.dragBlock('core.assign', 420, 140);
    await designer.dragBlock('core.if', 420, 240);
    await designer.dragBlock('core.log', 260, 360);
    await designer.dragBlock('core.log', 580, 360);
    await designer.dragBlock('core.end', 420, 470);
    for (const id of ['start1', 'assign1', 'if1', 'log1', 'log2', 'end1']) await designer.block(id).waitFor();

    await designer.connect('start1', 'next', 'assign1');
    await designer.connect('assign1', 'next', 'if1');
    await designer.connect('if1', 'true', 'log1');
    await designer.connect('if1', 'false', 'log2');
    await designer.connect('log1', 'next', 'end1');
    await designer.connect('log2', 'next', 'end1');

    // A variable for the flow.
    await designer.bottomTab('Variables');
    await designer.button('+ Add variable').click();
    const name = page.getByRole('textbox', { name: 'Name' }).last();
    await name.fill('total');
    await name.press('Enter');
    await page.getByLabel('Type total').selectOption('number');

    // Assign total = 2 + 3.
    await designer.select('assign1');
    await designer.properties.getByRole('button', { name: '+ Assignments' }).click();
    await designer.properties.getByLabel('Assignments 1: Name').selectOption('total');
    await designer.typeInEditor(designer.expressionEditor('assign1', 'assignments/0'), '2 + 3');

    // If total > 3, typed with completion of the variable name.
    await designer.select('if1');
    const condition = designer.expressionEditor('if1', 'condition');
    await designer.typeInEditor(condition, 'tot');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'total' }).first();
    await suggestion.waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.keyboard.type(' > 3');
    await until(async () => (await condition.locator('.view-lines').innerText()).replace(/\s/g, ' ') === 'total > 3', 'the completed condition');

    // Two log messages: an expression and a literal.
    await designer.select('log1');
    await designer.properties.getByRole('button', { name: 'Use an expression for Message' }).click();
    await designer.typeInEditor(designer.expressionEditor('log1', 'message'), "'big: ' + total");
    await designer.select('log2');
    await designer.properties.getByRole('textbox', { name: 'Message' }).fill('small');

    await designer.save();
    await designer.waitClean('Check total');
    const saved = await readFile(file, 'utf8');
    const doc = JSON.parse(saved) as { blocks: { id: string; type: string; params?: unknown }[]; links: unknown[]; variables: unknown[] };
    expect(doc.blocks.map((b) => b.type)).toEqual(['core.start', 'core.assign', 'core.if', 'core.log', 'core.log', 'core.end']);
    expect(doc.blocks.find((b) => b.id === 'if1')?.params).toEqual({ condition: { expr: 'total > 3' } });
    expect(doc.links).toHaveLength(6);
    expect(doc.variables).toEqual([{ name: 'total', type: 'number' }]);

    // Close the tab, reopen the scenario: same blocks and links, and the file is untouched.
    await page.getByRole('button', { name: 'Close Check total' }).click();
    await designer.block('if1').waitFor({ state: 'detached' });
    await designer.openScenario('Check total');
    await designer.edge('if1', 'false', 'log2').waitFor({ state: 'attached' });
    expect(await page.getByTestId(/^block-/).count()).toBe(6);
    await designer.save();
    expect(await readFile(file, 'utf8')).toBe(saved);

    // Run it and see the expected log line.
    await page.keyboard.press('F5');
    await page.getByTestId('run-result').filter({ hasText: 'Run succeeded' }).waitFor({ timeout: 30_000 });
    expect(await designer.outputLines().allInnerTexts()).toContain('big: 5');
  }, 180_000);
});
