import type { Browser, BrowserContext, ElementHandle, Frame, Page } from 'playwright-core';
import { loadPlaywright } from '../activities/libraries.js';
import { browserArgs, findBrowserExecutable } from '../activities/web/lib/executable.js';
import { matchesIn, type FindBy } from '../activities/web/lib/locate.js';
import { pickerPageScript } from './pageScript.js';
import { describeProposal, proposeSelectors, type Proposals } from './proposals.js';
import { createRecording, type RawAction, type Recording, type RecordedStep } from './recording.js';

export type PickerOptions = {
  /** No window (tests, machines without a desktop). Default: CAIRN_PICKER_HEADLESS=1, else a window when a display exists. */
  headless?: boolean;
  executablePath?: string;
  /** Opens Chrome's DevTools port too (CAIRN_PICKER_CDP_PORT): how an e2e test moves the mouse in a headless picker. */
  cdpPort?: number;
  /** The language of the tooltip (the Designer's setting), asked at each hover. */
  language?: () => Promise<'en' | 'ru'>;
};

type Mode = 'idle' | 'pick' | 'record';
type PageApi = { __cairnPicker: { setMode(m: Mode): void; take(id: number): Element | null; flash(el: Element, text: string, bad: boolean): void; hide(): void; dispose(): void } };

/** A browser of a paused run: its DevTools endpoint and the tab its next block acts on. */
export type RunBrowserTarget = { endpoint: string; targetId: string };

export class PickerError extends Error {
  constructor(
    message: string,
    readonly code: 'cancelled' | 'closed' | 'launch' | 'bad_url',
  ) {
    super(message);
  }
}

/** The run's tab by its DevTools target id; the newest tab when that one is gone. */
async function pageOfTarget(browser: Browser, targetId: string): Promise<Page> {
  const pages = browser.contexts().flatMap((c) => c.pages());
  for (const page of pages) {
    const cdp = await page.context().newCDPSession(page);
    const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
    await cdp.detach().catch(() => undefined);
    if (targetInfo.targetId === targetId) return page;
  }
  const newest = pages.at(-1);
  if (!newest) throw new PickerError("The paused run's browser has no open tab", 'closed');
  return newest;
}

function displayAvailable(): boolean {
  return process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
}

/**
 * The Designer's own browser for pointing at elements: one Chromium with the picker script in
 * every frame. It picks (the next click answers with checked selectors), highlights what a
 * selector matches, and records what the person does. It is not a run's browser: it stays open
 * between picks until closed, and it never runs a scenario.
 */
export class PickerBrowser {
  private mode: Mode = 'idle';
  private waiting: { resolve(p: Proposals): void; reject(e: Error): void } | undefined;
  private recording: Recording | undefined;
  private closed = false;

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    public page: Page,
    private readonly language: () => Promise<'en' | 'ru'>,
    /** A paused run's browser, reached over its DevTools port: closing only disconnects. */
    readonly attached = false,
  ) {}

  /**
   * Attaches to the browser of a paused run (chromium.connectOverCDP on its 127.0.0.1 port) and
   * puts the picker into its current tab: the page as the run left it, logged in, half filled.
   * `close()` takes the picker out of the page again and disconnects; the run's browser and tab
   * stay as they were.
   */
  static async attach(target: RunBrowserTarget, options: Pick<PickerOptions, 'language'> = {}): Promise<PickerBrowser> {
    const { chromium } = await loadPlaywright();
    let browser: Browser;
    try {
      browser = await chromium.connectOverCDP(target.endpoint);
    } catch (error) {
      throw new PickerError(`Could not reach the paused run's browser: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, 'launch');
    }
    try {
      const page = await pageOfTarget(browser, target.targetId);
      const picker = new PickerBrowser(browser, page.context(), page, options.language ?? (async () => 'en'), true);
      await picker.install();
      // The tab is already loaded: the init script only reaches documents loaded from now on.
      const script = pickerPageScript();
      await Promise.all(page.frames().map((f) => f.evaluate(script).catch(() => undefined)));
      browser.on('disconnected', () => picker.onClosed());
      return picker;
    } catch (error) {
      await browser.close().catch(() => undefined);
      throw error instanceof PickerError ? error : new PickerError(`Could not pick in the paused run's browser: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, 'launch');
    }
  }

  static async open(options: PickerOptions = {}): Promise<PickerBrowser> {
    const headless = options.headless ?? (process.env.CAIRN_PICKER_HEADLESS === '1' || !displayAvailable());
    const cdpPort = options.cdpPort ?? (process.env.CAIRN_PICKER_CDP_PORT ? Number(process.env.CAIRN_PICKER_CDP_PORT) : undefined);
    const { chromium } = await loadPlaywright();
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath: findBrowserExecutable(options.executablePath),
        headless,
        args: [...browserArgs, ...(cdpPort ? [`--remote-debugging-port=${cdpPort}`] : [])],
      });
    } catch (error) {
      throw new PickerError(`Could not start the picker's browser: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, 'launch');
    }
    const context = await browser.newContext({ viewport: headless ? { width: 1280, height: 800 } : null });
    const picker = new PickerBrowser(browser, context, await context.newPage(), options.language ?? (async () => 'en'));
    await picker.install();
    browser.on('disconnected', () => picker.onClosed());
    return picker;
  }

  get isOpen(): boolean {
    return !this.closed && this.browser.isConnected();
  }

  private async install(): Promise<void> {
    const { context } = this;
    await context.exposeBinding('__cairnPickerMode', () => this.mode);
    await context.exposeBinding('__cairnPickerHover', async ({ frame }, id: number) => {
      const element = await this.elementOf(frame, id);
      if (!element) return { text: '', bad: true };
      const lang = await this.language().catch(() => 'en' as const);
      return describeProposal(await proposeSelectors(frame, element), lang);
    });
    await context.exposeBinding('__cairnPickerPick', async ({ frame }, id: number) => {
      const element = await this.elementOf(frame, id);
      if (!element || !this.waiting) return;
      const waiting = this.waiting;
      this.waiting = undefined;
      await this.setMode('idle');
      try {
        waiting.resolve(await proposeSelectors(frame, element));
      } catch (error) {
        waiting.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    await context.exposeBinding('__cairnPickerRecord', ({ frame }, json: string) => {
      const action = JSON.parse(json) as RawAction;
      this.recording?.add(frame, action, (id) => this.elementOf(frame, id));
    });
    await context.addInitScript({ content: pickerPageScript() });
    context.on('page', (page) => {
      // A tab the site opens becomes the page the picker shows and records.
      this.page = page;
      this.watchNavigation(page);
    });
    this.watchNavigation(this.page);
  }

  private watchNavigation(page: Page): void {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.recording?.navigated(frame.url());
    });
  }

  private async elementOf(frame: Frame, id: number): Promise<ElementHandle<Element> | null> {
    const handle = await frame.evaluateHandle((i) => (window as unknown as PageApi).__cairnPicker.take(i), id);
    return handle.asElement();
  }

  private async setMode(mode: Mode): Promise<void> {
    this.mode = mode;
    if (mode !== 'idle') await this.page.hideHighlight().catch(() => undefined);
    await Promise.all(
      this.page.frames().map((f) => f.evaluate((m) => (window as unknown as Partial<PageApi>).__cairnPicker?.setMode(m), mode).catch(() => undefined)),
    );
  }

  /** Opens the address when it is not the one shown already (a picker keeps its page between picks). */
  async show(url: string | undefined): Promise<void> {
    if (!url || this.page.url() === url) return;
    if (!/^(https?|file|data):/i.test(url)) throw new PickerError(`"${url}" is not a web address (http://, https://, file: or data:)`, 'bad_url');
    await this.page.goto(url);
  }

  /** Waits for the person to click an element; answers with its checked selectors. */
  async pick(): Promise<Proposals> {
    this.ensureOpen();
    this.cancelPick();
    const answer = new Promise<Proposals>((resolve, reject) => (this.waiting = { resolve, reject }));
    await this.page.bringToFront().catch(() => undefined);
    await this.setMode('pick');
    return answer;
  }

  cancelPick(): void {
    if (!this.waiting) return;
    this.waiting.reject(new PickerError('Picking was cancelled', 'cancelled'));
    this.waiting = undefined;
    void this.setMode('idle');
  }

  /** How many elements the selector matches on the picker's page; they are outlined for a few seconds. */
  async highlight(selector: string, by: FindBy): Promise<number> {
    this.ensureOpen();
    const matches = matchesIn(this.page, selector, by);
    const count = await matches.count();
    if (count > 0) {
      await this.page.bringToFront().catch(() => undefined);
      await matches.highlight();
      setTimeout(() => void this.page.hideHighlight().catch(() => undefined), 4000).unref();
    }
    return count;
  }

  async startRecording(): Promise<void> {
    this.ensureOpen();
    this.cancelPick();
    this.recording = createRecording();
    await this.setMode('record');
  }

  /** Ends the recording; its steps in order (once every pending action is turned into a step). */
  async stopRecording(): Promise<RecordedStep[]> {
    const recording = this.recording;
    this.recording = undefined;
    await this.setMode('idle');
    return recording ? recording.finish() : [];
  }

  private ensureOpen(): void {
    if (!this.isOpen) throw new PickerError("The picker's browser was closed", 'closed');
  }

  private onClosed(): void {
    this.closed = true;
    this.waiting?.reject(new PickerError("The picker's browser was closed", 'closed'));
    this.waiting = undefined;
  }

  /** Closes the picker's own browser; an attached one is left as the run had it (picker removed, then disconnected). */
  async close(): Promise<void> {
    this.onClosed();
    if (this.attached) {
      await this.page.hideHighlight().catch(() => undefined);
      await Promise.all(
        this.page.frames().map((f) => f.evaluate(() => (window as unknown as Partial<PageApi>).__cairnPicker?.dispose()).catch(() => undefined)),
      );
    }
    // For a connectOverCDP browser this only disconnects: the run's browser and tabs stay open.
    await this.browser.close().catch(() => undefined);
  }
}
