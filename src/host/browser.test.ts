import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from './host.js';

// The real bridge, bundled for the browser, on a page served by the real host, in real
// Chromium: proves the token, the cookie for assets, the Origin check and the CSP let the
// Designer's own page in — and keep a foreign page out.

let root: string;
let host: RunningHost;
let browser: Browser;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-browser-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await build({
    stdin: {
      contents: "import { bridge } from './bridge.ts'; (window as any).cairnBridge = bridge;",
      resolveDir: fileURLToPath(new URL('../../renderer/bridge/', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(rendererDir, 'assets', 'bridge.js'),
    logLevel: 'silent',
  });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>bridge</title><script type="module" src="./assets/bridge.js"></script>',
  );
  host = await startHost({ dataDir: join(root, 'data'), rendererDir });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the bridge in Chromium', () => {
  it('reaches the API from the page the host printed, with no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      // (Chromium's own /favicon.ico probe 404s: not a violation.)
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(host.url);
    await page.waitForFunction(() => 'cairnBridge' in window);

    const info = await page.evaluate(async () => {
      const bridge = (
        window as unknown as { cairnBridge: { call(c: string, a?: unknown): Promise<{ mode: string }> } }
      ).cairnBridge;
      return bridge.call('app.info');
    });
    expect(info.mode).toBe('browser');

    // A reload without the token in the address still works (token kept for the tab).
    await page.goto(`http://127.0.0.1:${host.port}/`);
    await page.waitForFunction(() => 'cairnBridge' in window);
    const catalog = await page.evaluate(async () => {
      const bridge = (window as unknown as { cairnBridge: { call(c: string): Promise<unknown[]> } })
        .cairnBridge;
      return (await bridge.call('catalog.list')).length;
    });
    expect(catalog).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('keeps a page of another origin out, even one that knows the token', async () => {
    const page = await browser.newPage();
    // about:blank has an opaque origin; its WebSocket carries no matching Origin.
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      `ws://127.0.0.1:${host.port}/api?token=${host.token}`,
    );
    expect(outcome).toBe('refused');
    await page.close();
  });
});
