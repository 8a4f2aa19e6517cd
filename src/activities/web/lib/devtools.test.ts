import { chromium } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { endpointOf, userDataDirOf } from './devtools.js';
import { launchSession } from './session.js';

describe('the DevTools endpoint of a debug run’s browser', () => {
  it('reads the profile folder from the command line, spaces included', () => {
    expect(userDataDirOf('/usr/bin/chromium --no-sandbox --user-data-dir=/tmp/playwright_chromiumdev_profile-Ab1 --remote-debugging-pipe')).toBe(
      '/tmp/playwright_chromiumdev_profile-Ab1',
    );
    expect(userDataDirOf('chrome.exe --user-data-dir=C:\\Users\\Ada Lovelace\\Temp\\profile-1 --remote-debugging-pipe')).toBe('C:\\Users\\Ada Lovelace\\Temp\\profile-1');
    expect(userDataDirOf('chrome.exe --user-data-dir="C:\\A B\\p" --x')).toBe('C:\\A B\\p');
    expect(userDataDirOf('/usr/bin/chromium --headless')).toBeUndefined();
  });

  it('turns DevToolsActivePort into a loopback WebSocket address and refuses anything else', () => {
    expect(endpointOf('37397\n/devtools/browser/f0ee3c51-fb55\n')).toBe('ws://127.0.0.1:37397/devtools/browser/f0ee3c51-fb55');
    expect(endpointOf('37397\r\n/devtools/browser/x')).toBe('ws://127.0.0.1:37397/devtools/browser/x');
    expect(endpointOf('')).toBeUndefined();
    expect(endpointOf('abc\n/devtools/browser/x')).toBeUndefined();
    expect(endpointOf('9222\n/evil')).toBeUndefined();
  });

  describe('in Chromium', { timeout: 60_000 }, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await createHarness();
    });
    afterEach(() => h.close());

    it('a debug run’s browser reports its endpoint and tab; another process attaches there and sees the page the run reached', async () => {
      const session = await launchSession({ ...h.ctx, debugging: true }, { headless: true, timeoutMs: 30_000 });
      await session.page.setContent('<button onclick="this.insertAdjacentHTML(`afterend`, `<input name=late>`)">Reveal</button>');
      await session.page.click('button');
      const seen = await session.inspectBrowser();
      expect(seen).toMatchObject({ endpoint: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//), targetId: expect.any(String), url: 'about:blank' });

      const other = await chromium.connectOverCDP(seen!.endpoint);
      try {
        const pages = other.contexts().flatMap((c) => c.pages());
        expect(pages).toHaveLength(1);
        expect(await pages[0].locator('input[name=late]').count()).toBe(1);
      } finally {
        await other.close();
      }
      // Disconnecting left the run's browser and tab as they were.
      expect(session.isOpen).toBe(true);
      expect(await session.page.locator('input[name=late]').count()).toBe(1);
    });

    it('any other run’s browser opens no DevTools port and reports nothing', async () => {
      const session = await launchSession(h.ctx, { headless: true, timeoutMs: 30_000 });
      expect(session.devtools).toBeUndefined();
      expect(await session.inspectBrowser()).toBeUndefined();
    });
  });
});
