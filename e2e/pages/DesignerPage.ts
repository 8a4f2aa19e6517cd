import type { Locator, Page } from 'playwright-core';

/** The one polling helper (no sleeps: a deadline instead), re-exported for the page objects' users. */
import { until } from '../../src/testing/until.js';
export { until };

/** The Designer as a user sees it: role and test-id locators only. */
export class DesignerPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('toolbar').waitFor();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  get canvas(): Locator {
    return this.page.getByTestId('canvas');
  }

  block(id: string): Locator {
    return this.page.getByTestId(`block-${id}`);
  }

  edge(from: string, port: string, to: string): Locator {
    return this.page.getByTestId(`rf__edge-${from}:${port}->${to}`);
  }

  get properties(): Locator {
    return this.page.getByRole('region', { name: /Properties|Свойства/ });
  }

  async newProject(parentDir: string, name: string): Promise<void> {
    await this.button('New project').click();
    const dialog = this.page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Project name').fill(name);
    await dialog.getByLabel('Folder', { exact: true }).fill(parentDir);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.page.getByRole('region', { name: 'Project' }).getByRole('heading', { name }).waitFor();
  }

  async openProject(dir: string): Promise<void> {
    await this.button('Open project').click();
    const dialog = this.page.getByRole('dialog', { name: 'Open project' });
    await dialog.getByLabel('Folder', { exact: true }).fill(dir);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async newScenario(name: string): Promise<void> {
    await this.button('New scenario').click();
    const input = this.page.getByLabel('Scenario name');
    await input.fill(name);
    await input.press('Enter');
    await this.page.getByRole('tab', { name }).waitFor();
  }

  async openScenario(name: string): Promise<void> {
    await this.page.getByRole('region', { name: 'Project' }).getByRole('button', { name, exact: true }).click();
  }

  /** Drags a block type from the palette onto the canvas at (x, y) relative to the canvas. */
  async dragBlock(type: string, x: number, y: number): Promise<void> {
    const item = this.page.getByTestId(`palette-${type}`);
    await item.scrollIntoViewIfNeeded();
    const blocks = this.canvas.locator('.react-flow__node');
    const before = await blocks.count();
    await item.dragTo(this.canvas, { targetPosition: { x, y } });
    // Waits for the drop to land, so the next step never races a block still being added.
    await until(async () => (await blocks.count()) > before, `the dropped ${type} block`);
  }

  /** Draws a link from a block's output port to another block's input. */
  async connect(from: string, port: string, to: string): Promise<void> {
    const source = this.page.getByTestId(`port-${from}-${port}`);
    const target = this.block(to).locator('.port-in');
    const a = (await source.boundingBox())!;
    const b = (await target.boundingBox())!;
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await mouse.up();
    // A straight vertical edge has no width, so Playwright never calls it visible: wait for it to exist.
    await this.edge(from, port, to).waitFor({ state: 'attached' });
  }

  async select(id: string, options: { add?: boolean } = {}): Promise<void> {
    await this.block(id).click(options.add ? { modifiers: ['Shift'] } : {});
    await until(async () => ((await this.block(id).getAttribute('class')) ?? '').includes('selected'), `block ${id} selected`);
  }

  async isSelected(id: string): Promise<boolean> {
    return ((await this.block(id).getAttribute('class')) ?? '').includes('selected');
  }

  /** The Monaco editor of a parameter in the properties panel. */
  expressionEditor(blockId: string, param: string): Locator {
    return this.page.getByTestId(`expr-${blockId}/${param}`);
  }

  /** Types into a Monaco editor (which owns its keyboard handling). */
  async typeInEditor(editor: Locator, text: string): Promise<void> {
    await editor.locator('.monaco-editor').waitFor();
    await editor.click();
    await this.page.keyboard.type(text);
  }

  async bottomTab(name: 'Output' | 'Variables' | 'Problems' | 'Breakpoints' | 'Watch' | 'Console'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  outputLines(): Locator {
    return this.page.getByTestId('output-lines').locator('.log-message');
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }

  async waitClean(tab: string): Promise<void> {
    await until(async () => (await this.page.getByRole('tab', { name: tab }).getByTestId('dirty-marker').count()) === 0, `${tab} saved`);
  }
}
