import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureRendererBuilt } from './build.js';
import { launchChromium } from './browser.js';
import { startTestHost, type TestHost } from './host.js';
import { DesignerPage } from '../pages/DesignerPage.js';

export type Session = { host: TestHost; page: Page; designer: DesignerPage };

/**
 * Registers the hooks of a Designer e2e file: one Chromium per file; per test a fresh host on a
 * fresh data folder (optionally with a sample project open) and a new page at its URL.
 * A failing test leaves a screenshot in the temp folder.
 */
export function designerSession(options: { sample?: string } = {}): Session {
  let browser: Browser;
  const session = {} as Session;
  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    session.host = await startTestHost(options);
    session.page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    session.page.setDefaultTimeout(20_000);
    session.designer = new DesignerPage(session.page);
    await session.designer.open(session.host.url);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await session.page?.screenshot({ path: join(tmpdir(), `cairn-e2e-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) });
    }
    await session.page?.close();
    await session.host?.dispose();
  });
  return session;
}
