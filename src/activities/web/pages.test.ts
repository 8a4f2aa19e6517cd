import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectParamError, type Harness } from '../testing/harness.js';
import { startTestSite, type TestSite } from './testing/site.js';
import { goTo, openBrowser } from './browser.js';
import { click } from './mouse.js';
import { extractTable } from './extract-table.js';
import { waitForElement, waitForText, waitForUrl } from './wait.js';
import { elementExists, getAttribute, getText } from './read.js';
import { evaluate } from './evaluate.js';
import { switchFrame, switchTab } from './tabs.js';
import { download } from './download.js';
import { screenshot } from './screenshot.js';

let site: TestSite;
let h: Harness;
let browser: unknown;

beforeAll(async () => {
  site = await startTestSite();
  h = await createHarness();
  browser = (await h.run(openBrowser, { url: `${site.url}/table` }))?.outputs?.browser;
});
afterAll(async () => {
  await h.close();
  await site.close();
});

const PNG_SIGNATURE = '89504e47';

describe('web page blocks in real Chromium', () => {
  it('extracts an HTML table with header names, blank headers and colspan', async () => {
    await h.run(goTo, { browser, url: `${site.url}/table` });
    const result = await h.run(extractTable, { browser, selector: '#prices' });
    expect(result?.outputs?.table).toEqual({
      kind: 'table',
      columns: ['Item', 'Price', 'Column3'],
      rows: [
        { Item: 'Tea', Price: '120', Column3: 'hot' },
        { Item: 'Coffee', Price: '180', Column3: 'hot' },
        { Item: 'Water', Price: 'Water', Column3: 'cold' },
      ],
    });
    const raw = await h.run(extractTable, { browser, selector: 'table', headers: false });
    expect((raw?.outputs?.table as { rows: unknown[] }).rows).toHaveLength(4);
    await expect(h.run(extractTable, { browser, selector: '#not-a-table' })).rejects.toThrow('is not a table');
  });

  it('waits for an element that appears late, then reads it', async () => {
    await h.run(goTo, { browser, url: `${site.url}/slow` });
    expect((await h.run(elementExists, { browser, selector: '#ready' }))?.outputs?.exists).toBe(false);
    await h.run(waitForElement, { browser, selector: '#ready', state: 'visible', timeoutMs: 10_000 });
    await h.run(waitForElement, { browser, selector: '#status', state: 'detached' });
    expect((await h.run(getText, { browser, selector: '#ready' }))?.outputs?.text).toBe('Data is ready');
    expect((await h.run(getAttribute, { browser, selector: '#ready', name: 'data-count' }))?.outputs?.value).toBe('42');
    expect((await h.run(elementExists, { browser, by: 'text', selector: 'Data is ready' }))?.outputs?.exists).toBe(true);
  });

  it('waits for text and reports a wait that runs out', async () => {
    await h.run(goTo, { browser, url: `${site.url}/slow` });
    await h.run(waitForText, { browser, text: 'Data is ready' });
    await expect(h.run(waitForText, { browser, text: 'Never shown', timeoutMs: 200 })).rejects.toMatchObject({
      code: 'SELECTOR_NOT_FOUND',
      message: 'text "Never shown" matched nothing after 200 ms',
    });
    await expect(h.run(waitForElement, { browser, selector: '#ready', state: 'hidden', timeoutMs: 200 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect((await h.run(elementExists, { browser, selector: '#nothing', timeoutMs: 100 }))?.outputs?.exists).toBe(false);
  });

  it('runs JavaScript in the page: expressions, statements with return, the argument', async () => {
    await h.run(goTo, { browser, url: `${site.url}/table` });
    expect((await h.run(evaluate, { browser, code: 'document.title' }))?.outputs?.result).toBe('Table');
    const rows = await h.run(evaluate, { browser, code: 'const n = document.querySelectorAll("tr").length;\nreturn n * arg.k;', arg: { k: 10 } });
    expect(rows?.outputs?.result).toBe(40);
    await expect(h.run(evaluate, { browser, code: 'throw new Error("boom")' })).rejects.toMatchObject({
      code: 'SCRIPT_ERROR',
      message: expect.stringContaining('boom'),
    });
    await expect(h.run(evaluate, { browser, code: '  ' })).rejects.toThrow('"code" is empty');
  });

  it('follows a link into a new tab, finds tabs by address and number, and goes back', async () => {
    await h.run(goTo, { browser, url: `${site.url}/tabs` });
    await h.run(click, { browser, selector: '#open' });
    const last = await h.run(switchTab, { browser, mode: 'last' });
    expect(last?.outputs?.url).toContain('/table');
    await h.run(waitForElement, { browser, selector: '#prices' });
    const first = await h.run(switchTab, { browser, mode: 'index', index: 1 });
    expect(first?.outputs?.url).toContain('/tabs');
    const byUrl = await h.run(switchTab, { browser, mode: 'url', url: '/table' });
    expect(byUrl?.outputs?.url).toContain('/table');
    const fresh = await h.run(switchTab, { browser, mode: 'new', url: `${site.url}/slow` });
    expect(fresh?.outputs?.url).toContain('/slow');
    await expect(h.run(switchTab, { browser, mode: 'index', index: 9, timeoutMs: 100 })).rejects.toMatchObject({ code: 'TAB_NOT_FOUND' });
    await expect(h.run(switchTab, { browser, mode: 'url', url: '/nowhere', timeoutMs: 100 })).rejects.toThrow('No tab\'s address contains "/nowhere"');
    await expect(h.run(switchTab, { browser, mode: 'index', index: 0 })).rejects.toThrow('must be 1 or more');
    await h.run(switchTab, { browser, mode: 'index', index: 1 });
  });

  it('acts inside a frame and returns to the page', async () => {
    await h.run(goTo, { browser, url: `${site.url}/tabs` });
    await h.run(switchFrame, { browser, selector: '#inner' });
    await h.run(click, { browser, by: 'text', selector: 'Say hello' });
    expect((await h.run(getText, { browser, selector: '#hello' }))?.outputs?.text).toBe('Clicked');
    await h.run(switchFrame, { browser });
    expect((await h.run(elementExists, { browser, selector: '#open' }))?.outputs?.exists).toBe(true);
    await expect(h.run(switchFrame, { browser, selector: '#open' })).rejects.toThrow('is not a frame');
  });

  it('downloads a file by clicking a link, into a file or a folder', async () => {
    await h.run(goTo, { browser, url: `${site.url}/download` });
    const saved = await h.run(download, { browser, selector: '#get', path: 'out/report-copy.csv' });
    expect(saved?.outputs).toEqual({ path: join(h.projectDir, 'out/report-copy.csv'), fileName: 'report.csv' });
    expect(await readFile(join(h.projectDir, 'out/report-copy.csv'), 'utf8')).toBe('name;total\nAnna;10\n');
    await mkdir(join(h.projectDir, 'inbox'));
    const intoFolder = await h.run(download, { browser, selector: 'text=Get report', path: 'inbox' });
    expect(intoFolder?.outputs?.path).toBe(join(h.projectDir, 'inbox', 'report.csv'));
    await expect(h.run(download, { browser, path: 'x.csv', timeoutMs: 200 })).rejects.toThrow('No download started within 200 ms');
    await expectParamError(h.run(download, { browser, selector: '#get', path: '' }), 'path', /is required/);
  });

  it('takes screenshots of the page and of an element, to a file and as base64', async () => {
    await h.run(goTo, { browser, url: `${site.url}/table` });
    const full = await h.run(screenshot, { browser, path: 'shots/page.png', fullPage: true });
    const file = await readFile(join(h.projectDir, 'shots/page.png'));
    expect(file.subarray(0, 4).toString('hex')).toBe(PNG_SIGNATURE);
    expect(full?.outputs?.base64).toBe('');
    const element = await h.run(screenshot, { browser, selector: '#prices', base64: true });
    expect(Buffer.from(element?.outputs?.base64 as string, 'base64').subarray(0, 4).toString('hex')).toBe(PNG_SIGNATURE);
    await expect(h.run(screenshot, { browser })).rejects.toThrow('Nothing to do');
    await expect(h.run(screenshot, { browser, selector: '#gone', base64: true, timeoutMs: 100 })).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND' });
  });

  it('leaves empty and unknown parameters to the engine: the user gets its message, naming block and parameter', async () => {
    await expectParamError(h.run(getAttribute, { browser, selector: 'a', name: '' }), 'name', /is required/);
    await expectParamError(h.run(waitForText, { browser, text: '' }), 'text', /is required/);
    await expectParamError(h.run(waitForUrl, { browser, urlPart: '' }), 'urlPart', /is required/);
    await expectParamError(h.run(evaluate, { browser, code: '' }), 'code', /is required/);
    await expectParamError(h.run(goTo, { browser, url: '' }), 'url', /is required/);
    await expectParamError(h.run(goTo, { browser, url: site.url, waitUntil: 'soon' }), 'waitUntil', /must be one of load, domcontentloaded, networkidle, got "soon"/);
    await expectParamError(h.run(waitForElement, { browser, selector: 'a', state: 'gone' }), 'state', /must be one of visible, attached, hidden, detached, got "gone"/);
    await expectParamError(h.run(switchTab, { browser, mode: 'first' }), 'mode', /must be one of last, new, index, url, got "first"/);
  });
});
