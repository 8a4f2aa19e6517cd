import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { BlockError, type BlockContext, type Disposable, type InspectableBrowser } from '../../define.js';
import { loadPlaywright } from '../../libraries.js';
import { devToolsEndpoint, DEVTOOLS_PORT_ARGS } from './devtools.js';
import { browserArgs, findBrowserExecutable } from './executable.js';

/**
 * What a scenario variable holds for an open browser: a small JSON value (it is shown in the
 * debugger and crosses process boundaries), pointing into this process's registry of sessions.
 */
export type BrowserHandle = { kind: 'web.browser'; id: string; executable: string };

export function isBrowserHandle(value: unknown): value is BrowserHandle {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'web.browser';
}

/** One launched browser with the tab and frame the next blocks act on. */
export class WebSession implements Disposable {
  readonly id = randomUUID();
  /** When set, element blocks act inside this frame instead of the page. */
  frame: Frame | undefined;
  private closed = false;

  constructor(
    readonly executable: string,
    readonly browser: Browser,
    readonly context: BrowserContext,
    public page: Page,
    /** The DevTools endpoint on 127.0.0.1 (debug runs only): where the Designer's picker attaches while paused. */
    readonly devtools?: string,
  ) {}

  /** Where a paused debugger's picker reaches this browser: its endpoint and the tab blocks act on. */
  async inspectBrowser(): Promise<InspectableBrowser | undefined> {
    if (!this.devtools || !this.isOpen || this.page.isClosed()) return undefined;
    const cdp = await this.context.newCDPSession(this.page);
    try {
      const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
      return { endpoint: this.devtools, targetId: targetInfo.targetId, url: this.page.url() };
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }

  get handle(): BrowserHandle {
    return { kind: 'web.browser', id: this.id, executable: this.executable };
  }

  get isOpen(): boolean {
    return !this.closed && this.browser.isConnected();
  }

  /** Where selectors are looked up: the chosen frame, else the active tab. */
  get scope(): Page | Frame {
    return this.frame && !this.frame.isDetached() ? this.frame : this.page;
  }

  setPage(page: Page): void {
    this.page = page;
    this.frame = undefined;
  }

  onPageClosed(closed: Page): void {
    const remaining = this.context.pages();
    if (closed === this.page && remaining.length > 0) this.setPage(remaining[remaining.length - 1]);
  }

  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    sessions.delete(this.id);
    await this.browser.close().catch(() => undefined);
  }
}

const sessions = new Map<string, WebSession>();

export type LaunchOptions = { headless: boolean; executablePath?: string; timeoutMs: number };

/** The browser's own pid, asked from the browser (Playwright does not expose it for launch()). */
async function browserPid(browser: Browser): Promise<number | undefined> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    return processInfo.find((p) => p.type === 'browser')?.id;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Launches the browser with Playwright's own pipe (no WebSocket hop per call: that hop cost ~10 %
 * of page time on the RPA Challenge, see bench/rpa-challenge.ts). Its pid is registered with the
 * run: the engine kills it (and its process group) on abort; the session is disposed on end or stop.
 */
export async function launchSession(ctx: BlockContext, opts: LaunchOptions): Promise<WebSession> {
  const executable = findBrowserExecutable(opts.executablePath);
  if (!opts.headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new BlockError(
      'A visible browser needs a desktop, but no DISPLAY is set: turn on "Hidden (headless)" or run the robot in a desktop session (or under xvfb-run)',
      'NO_DISPLAY',
    );
  }
  const { chromium } = await loadPlaywright();
  let browser: Browser;
  try {
    // A debug run's browser also listens on a DevTools port (127.0.0.1, a free port) for the picker.
    const args = ctx.debugging ? [...browserArgs, ...DEVTOOLS_PORT_ARGS] : browserArgs;
    browser = await chromium.launch({ executablePath: executable, headless: opts.headless, args, timeout: opts.timeoutMs });
  } catch (error) {
    throw new BlockError(`Could not start the browser "${executable}": ${firstLine(error)}`, 'BROWSER_LAUNCH');
  }
  try {
    const pid = await browserPid(browser);
    if (pid) ctx.trackProcess(pid);
    // Stopped while the browser was starting: nobody will dispose it, so close it here.
    if (ctx.signal.aborted) throw ctx.signal.reason;
    const devtools = ctx.debugging ? await devToolsEndpoint(browser) : undefined;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const session = ctx.use(new WebSession(executable, browser, context, page, devtools));
    sessions.set(session.id, session);
    // When the site closes the active tab, blocks go on in the last tab still open.
    context.on('page', (opened) => opened.on('close', () => session.onPageClosed(opened)));
    page.on('close', () => session.onPageClosed(page));
    return session;
  } catch (error) {
    await browser.close().catch(() => undefined);
    if (ctx.signal.aborted) throw ctx.signal.reason;
    throw new BlockError(`Could not open a page in the browser "${executable}": ${firstLine(error)}`, 'BROWSER_LAUNCH');
  }
}

/** The session a block acts on: its `browser` parameter, else the most recently opened one. */
export function getSession(handle: unknown): WebSession {
  if (handle === undefined || handle === null || handle === '') {
    const open = [...sessions.values()].filter((s) => s.isOpen);
    const latest = open.at(-1);
    if (!latest) throw new BlockError('No browser is open: start with "Open browser" or pass its result in "browser"', 'NO_BROWSER');
    return latest;
  }
  if (!isBrowserHandle(handle)) {
    throw new BlockError('Parameter "browser" must be the result of "Open browser"', 'BAD_INPUT');
  }
  const session = sessions.get(handle.id);
  if (!session?.isOpen) throw new BlockError('This browser has been closed: open it again with "Open browser"', 'NO_BROWSER');
  return session;
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
