import type { Locator, Page } from 'playwright-core';

/** The Assistant as a business user sees it: role, label and test-id locators only. */
export class AssistantPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('heading', { name: /Cairn Assistant|Cairn Ассистент/ }).waitFor();
  }

  nav(name: string): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name, exact: true });
  }

  card(name: string): Locator {
    return this.page.getByTestId(`process-${name}`);
  }

  get connectionStatus(): Locator {
    return this.page.getByTestId('connection-status');
  }

  async connect(url: string, robotGuid: string): Promise<void> {
    await this.nav('Settings').click();
    const form = this.page.getByRole('form', { name: 'Orchestrator connection' });
    await form.getByLabel('Orchestrator URL').fill(url);
    await form.getByLabel('Robot GUID').fill(robotGuid);
    await form.getByRole('button', { name: 'Save and connect' }).click();
    await this.connectionStatus.filter({ hasText: 'Connected to the Orchestrator' }).waitFor();
    await this.nav('Processes').click();
  }

  async addProcess(path: string): Promise<void> {
    await this.page.getByRole('button', { name: '+ Add…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a process' });
    await dialog.getByLabel('Folder or package').fill(path);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Opens the run form of a process, fills the given fields and presses Run. */
  async run(processName: string, fields: Record<string, string> = {}): Promise<void> {
    await this.page.getByRole('button', { name: `Run ${processName}`, exact: true }).click();
    const form = this.page.getByRole('form', { name: `Run ${processName}` });
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('button', { name: '▶ Run' }).click();
    await form.waitFor({ state: 'detached' });
  }

  get result(): Locator {
    return this.page.getByTestId('run-result');
  }

  get logTail(): Locator {
    return this.page.getByTestId('log-tail').getByRole('listitem');
  }

  get outputs(): Locator {
    return this.page.getByTestId('run-outputs');
  }

  control(name: 'Pause' | 'Resume' | 'Stop' | 'Abort'): Locator {
    return this.page.getByTestId('live-run').getByRole('button', { name: new RegExp(`${name}$`) });
  }
}
