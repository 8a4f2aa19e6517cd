import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/**
 * The DevTools port of a debug run's browser, next to Playwright's pipe: the Designer's picker
 * connects there (chromium.connectOverCDP) to pick in the page the paused run reached. Port 0
 * lets Chromium choose a free one; it listens on 127.0.0.1 only (Chromium's default address,
 * never changed here), so only programs of this machine reach it.
 */
export const DEVTOOLS_PORT_ARGS = ['--remote-debugging-port=0'];

/** The profile folder Playwright gave the browser, from the command line the browser reports. */
export function userDataDirOf(commandLine: string): string | undefined {
  // A path may hold spaces (Windows profiles): it runs up to the next switch.
  const match = /--user-data-dir=(?:"([^"]+)"|(.+?))(?= --|$)/.exec(commandLine);
  return match?.[1] ?? match?.[2];
}

/** `ws://127.0.0.1:<port><path>` from the DevToolsActivePort file Chromium writes (port, then path). */
export function endpointOf(devToolsActivePort: string): string | undefined {
  const [port, path] = devToolsActivePort.split(/\r?\n/);
  if (!/^\d+$/.test(port ?? '') || !path?.startsWith('/devtools/browser/')) return undefined;
  return `ws://127.0.0.1:${port}${path}`;
}

/**
 * Reads the endpoint: the browser says its command line (SystemInfo.getInfo), whose profile
 * folder holds DevToolsActivePort once the port is open (Playwright has already waited for
 * "DevTools listening", so it is there; a short wait covers a slow file system). Undefined when
 * it cannot be found: the run goes on, the picker then opens its own browser.
 */
export async function devToolsEndpoint(browser: Browser): Promise<string | undefined> {
  const cdp = await browser.newBrowserCDPSession();
  let commandLine: string;
  try {
    ({ commandLine } = (await cdp.send('SystemInfo.getInfo')) as { commandLine: string });
  } catch {
    return undefined;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  const dir = userDataDirOf(commandLine);
  if (!dir) return undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const text = await readFile(join(dir, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const endpoint = endpointOf(text);
    if (endpoint) return endpoint;
    await new Promise((done) => setTimeout(done, 50));
  }
  return undefined;
}
