import { execFileSync, spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlockError } from '../define.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { closeBrowser, goTo, openBrowser } from './browser.js';
import { waitForElement } from './wait.js';
import { getText } from './read.js';
import { findBrowserExecutable } from './lib/executable.js';

/** Pids of live (non-zombie) processes in a process group: the browser and its helpers. */
function liveGroupMembers(pgid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,stat='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, group, stat]) => pid && Number(group) === pgid && !stat.startsWith('Z'))
    .map(([pid]) => Number(pid));
}

async function waitUntilGone(pgid: number): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  let alive = liveGroupMembers(pgid);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
    alive = liveGroupMembers(pgid);
  }
  return alive;
}

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('browser executable', () => {
  it('finds Debian Chromium on its own and honours an explicit path', () => {
    expect(findBrowserExecutable(undefined)).toBe('/usr/bin/chromium');
    expect(findBrowserExecutable('/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('explains how to configure a browser that does not exist', async () => {
    expect(() => findBrowserExecutable('/opt/no/chrome')).toThrow(BlockError);
    await expect(h.run(openBrowser, { executablePath: '/opt/no/chrome' })).rejects.toMatchObject({
      code: 'BROWSER_NOT_FOUND',
      message: 'Browser executable "/opt/no/chrome" does not exist or cannot be run',
    });
  });
});

describe('browser lifetime', () => {
  it('tracks the browser process and closes it with the block, leaving no process behind', async () => {
    const browser = (await h.run(openBrowser, { url: 'data:text/html,<p id="x">hi</p>' }))?.outputs?.browser;
    expect(h.processes).toHaveLength(1);
    const [pid] = h.processes;
    expect(liveGroupMembers(pid).length).toBeGreaterThan(1); // the browser plus its helper processes
    expect((await h.run(getText, { browser, selector: '#x' }))?.outputs?.text).toBe('hi');
    await h.run(closeBrowser, { browser });
    expect(await waitUntilGone(pid)).toEqual([]);
    await expect(h.run(goTo, { browser, url: 'about:blank' })).rejects.toMatchObject({ code: 'NO_BROWSER' });
  });

  it('closes the browser when the run ends without a close block', async () => {
    await h.run(openBrowser, {});
    const [pid] = h.processes;
    await h.close();
    expect(await waitUntilGone(pid)).toEqual([]);
    h = await createHarness();
  });

  it('gives up a long wait at once on abort, and the tracked group can be killed whole', async () => {
    await h.run(openBrowser, { url: 'data:text/html,<p>never ready</p>' });
    const [pid] = h.processes;
    const waiting = h.run(waitForElement, { selector: '#never', timeoutMs: 120_000 });
    h.controller.abort(new Error('Run aborted'));
    await expect(waiting).rejects.toThrow('Run aborted');
    // What the engine does on a hard abort: kill the tracked process and its group.
    process.kill(-pid, 'SIGKILL');
    expect(await waitUntilGone(pid)).toEqual([]);
  });

  it('closes a browser whose run was stopped while it was starting', async () => {
    const opening = h.run(openBrowser, {});
    h.controller.abort(new Error('Run stopped'));
    await expect(opening).rejects.toThrow('Run stopped');
    expect(h.processes).toHaveLength(1);
    const [pid] = h.processes;
    expect(await waitUntilGone(pid)).toEqual([]);
  });

  it('uses the browser opened last when none is given, and says so when none is open', async () => {
    await expect(h.run(getText, { selector: 'p' })).rejects.toMatchObject({ code: 'NO_BROWSER' });
    await h.run(openBrowser, { url: 'data:text/html,<p>latest</p>' });
    expect((await h.run(getText, { selector: 'p' }))?.outputs?.text).toBe('latest');
  });
});

describe('visible (headed) browser', () => {
  it('says a visible browser needs a display when there is none', async () => {
    const saved = { DISPLAY: process.env.DISPLAY, WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY };
    delete process.env.DISPLAY;
    delete process.env.WAYLAND_DISPLAY;
    try {
      await expect(h.run(openBrowser, { headless: false })).rejects.toMatchObject({ code: 'NO_DISPLAY' });
    } finally {
      for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
    }
  });

  it('opens a window on a virtual display', async () => {
    // Xvfb picks a free display number itself and writes it to fd 3.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    const display = await new Promise<string>((done, fail) => {
      xvfb.stdio[3]?.on('data', (chunk: Buffer) => done(`:${chunk.toString().trim()}`));
      xvfb.on('error', fail);
    });
    const saved = process.env.DISPLAY;
    process.env.DISPLAY = display;
    try {
      const browser = (await h.run(openBrowser, { headless: false, url: 'data:text/html,<h1>Visible</h1>' }))?.outputs?.browser;
      expect((await h.run(getText, { browser, selector: 'h1' }))?.outputs?.text).toBe('Visible');
      await h.run(closeBrowser, { browser });
    } finally {
      if (saved === undefined) delete process.env.DISPLAY;
      else process.env.DISPLAY = saved;
      xvfb.kill();
    }
  });
});
