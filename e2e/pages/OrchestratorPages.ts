import type { Locator, Page } from 'playwright-core';

/** The Designer's Orchestrator dialogs as a user sees them (role and label locators only). */
export class PublishDialogs {
  constructor(readonly page: Page) {}

  get connection(): Locator {
    return this.page.getByRole('dialog', { name: 'Orchestrator connection' });
  }

  get publish(): Locator {
    return this.page.getByRole('dialog', { name: /^Publish / });
  }

  async configure(values: { url: string; apiKey?: string; robotGuid?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Orchestrator…', exact: true }).click();
    const dialog = this.connection;
    await dialog.getByLabel('Orchestrator URL').fill(values.url);
    if (values.apiKey !== undefined) await dialog.getByLabel('API key', { exact: true }).fill(values.apiKey);
    if (values.robotGuid !== undefined) await dialog.getByLabel(/^Robot GUID/).fill(values.robotGuid);
  }

  async openPublish(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Publish…', exact: true }).click();
    await this.publish.waitFor();
    return this.publish;
  }
}

/** The emulator's web page (`cairn orchestrator` at /). */
export class EmulatorPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('tablist', { name: 'Orchestrator' }).waitFor();
  }

  async tab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  get main(): Locator {
    return this.page.locator('main');
  }
}
