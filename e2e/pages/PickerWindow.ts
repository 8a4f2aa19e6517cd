import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { until } from './DesignerPage.js';

/**
 * The picker's browser window as the person sees it: the Designer opens it (headless under
 * test, CAIRN_PICKER_HEADLESS=1) and this page object reaches it through its DevTools port
 * (CAIRN_PICKER_CDP_PORT) to move the mouse and click there like a person would.
 */
export class PickerWindow {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  /**
   * Waits for the browser to be up and showing a page whose address contains `urlPart`: the
   * picker's (its port) or a paused run's (the endpoint `run.browsers` reports).
   */
  static async attach(portOrEndpoint: number | string, urlPart: string): Promise<PickerWindow> {
    let browser: Browser | undefined;
    const endpoint = typeof portOrEndpoint === 'number' ? `http://127.0.0.1:${portOrEndpoint}` : portOrEndpoint;
    await until(async () => {
      browser = await chromium.connectOverCDP(endpoint).catch(() => undefined);
      return !!browser;
    }, 'the picker browser', 30_000);
    let page: Page | undefined;
    await until(() => {
      page = browser!.contexts().flatMap((c) => c.pages()).find((p) => p.url().includes(urlPart));
      return !!page;
    }, `the picker showing ${urlPart}`);
    await page!.waitForLoadState();
    return new PickerWindow(browser!, page!);
  }

  /** Moves onto the element and clicks it. */
  async pointAndClick(target: Locator): Promise<void> {
    const box = await target.boundingBox();
    if (!box) throw new Error('the element is not visible in the picker window');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await this.page.mouse.move(x - 4, y - 4);
    await this.page.mouse.move(x, y, { steps: 3 });
    await this.page.mouse.click(x, y);
  }

  /**
   * Moves over the element until the picker outlines it: the picker has just been put into a
   * page that was already open (a paused run's), so a person waits for the outline too.
   */
  async hoverUntilOutlined(target: Locator): Promise<void> {
    const box = await target.boundingBox();
    if (!box) throw new Error('the element is not visible in the window');
    let step = 0;
    await until(async () => {
      step = (step + 1) % 2;
      await this.page.mouse.move(box.x + box.width / 2 + step * 3, box.y + box.height / 2);
      return this.page.evaluate(() => !!document.querySelector('cairn-picker-overlay'));
    }, 'the picker outlining the element');
  }

  /** Clicks into a field and types, as a person does. */
  async typeInto(target: Locator, text: string): Promise<void> {
    await target.click();
    await this.page.keyboard.type(text);
  }

  async detach(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}
