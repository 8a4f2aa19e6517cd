import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectParamError, type Harness } from '../testing/harness.js';
import { startTestSite, type TestSite } from './testing/site.js';
import { goTo, openBrowser } from './browser.js';
import { click, hover } from './mouse.js';
import { fill, pressKey, typeText } from './keyboard.js';
import { selectOption, setChecked, uploadFile } from './forms.js';
import { getValue } from './read.js';
import { waitForUrl } from './wait.js';

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

let site: TestSite;
let h: Harness;
let browser: unknown;

beforeAll(async () => {
  site = await startTestSite();
  h = await createHarness();
  browser = (await h.run(openBrowser, {}))?.outputs?.browser;
});
afterAll(async () => {
  await h.close();
  await site.close();
});

const people = [
  { name: 'Анна Петрова', email: 'anna@example.com', age: '31', city: 'Moscow', subscribe: true },
  { name: 'Boris Ivanov', email: 'boris@example.com', age: '45', city: 'spb', subscribe: false },
  { name: 'Вера Смирнова', email: 'vera@example.com', age: '28', city: 'Saint Petersburg', subscribe: true },
];

describe('web form blocks in real Chromium', () => {
  it('fills a form whose fields move on every load, finding them by label', async () => {
    for (const person of people) {
      await h.run(goTo, { browser, url: `${site.url}/form` });
      await h.run(fill, { browser, by: 'label', selector: 'Full name', value: person.name });
      await h.run(typeText, { browser, by: 'label', selector: 'Email', text: person.email, delayMs: 5 });
      await h.run(fill, { browser, by: 'label', selector: 'Age', value: person.age });
      await h.run(selectOption, { browser, by: 'label', selector: 'City', option: person.city });
      await h.run(setChecked, { browser, by: 'label', selector: 'Subscribe', checked: person.subscribe });
      const typed = await h.run(getValue, { browser, by: 'label', selector: 'Email' });
      expect(typed?.outputs?.value).toBe(person.email);
      await h.run(hover, { browser, selector: 'role=button[name="Send"]' });
      await h.run(click, { browser, selector: 'text=Send' });
      await h.run(waitForUrl, { browser, urlPart: '/thanks' });
    }
    expect(site.submissions).toEqual([
      { name: 'Анна Петрова', email: 'anna@example.com', age: '31', city: 'msk', subscribe: 'yes' },
      { name: 'Boris Ivanov', email: 'boris@example.com', age: '45', city: 'spb' },
      { name: 'Вера Смирнова', email: 'vera@example.com', age: '28', city: 'spb', subscribe: 'yes' },
    ]);
  });

  it('submits with the Enter key', async () => {
    await h.run(goTo, { browser, url: `${site.url}/form` });
    await h.run(fill, { browser, by: 'label', selector: 'Full name', value: 'Keyboard' });
    await h.run(pressKey, { browser, by: 'label', selector: 'Full name', key: 'Enter' });
    const result = await h.run(waitForUrl, { browser, urlPart: '/thanks' });
    expect(result?.outputs?.url).toContain(`/thanks?n=${site.submissions.length}`);
    expect(site.submissions.at(-1)).toMatchObject({ name: 'Keyboard' });
  });

  it('uploads a file through a file field', async () => {
    await writeFile(join(h.projectDir, 'invoice.txt'), 'счёт №7');
    await h.run(goTo, { browser, url: `${site.url}/upload` });
    await h.run(uploadFile, { browser, by: 'label', selector: 'Document', files: 'invoice.txt' });
    await h.run(click, { browser, selector: 'button[type=submit]' });
    await h.run(waitForUrl, { browser, urlPart: '/upload' });
    expect(site.uploads).toEqual([{ field: 'doc', fileName: 'invoice.txt', text: 'счёт №7' }]);
  });

  it('names a selector that matches nothing, with the time it waited', async () => {
    await h.run(goTo, { browser, url: `${site.url}/form` });
    const run = h.run(fill, { browser, by: 'label', selector: 'Passport number', value: 'x', timeoutMs: 300 });
    await expect(run).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND', message: 'label "Passport number" matched nothing after 300 ms' });
    const css = h.run(click, { browser, selector: '#nope', timeoutMs: 200 });
    await expect(css).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND', message: 'selector "#nope" matched nothing after 200 ms' });
  });

  it('rejects bad input for every form block with the cause', async () => {
    await h.run(goTo, { browser, url: `${site.url}/form` });
    await expect(h.run(selectOption, { browser, by: 'label', selector: 'City', option: 'Paris', timeoutMs: 500 })).rejects.toMatchObject({
      code: 'OPTION_NOT_FOUND',
      message: expect.stringContaining('no option "Paris"'),
    });
    await expect(h.run(selectOption, { browser, by: 'label', selector: 'Full name', option: 'x' })).rejects.toThrow('is not a drop-down list');
    await expect(h.run(uploadFile, { browser, by: 'label', selector: 'Full name', files: 'missing.pdf' })).rejects.toMatchObject({ code: 'ENOENT' });
    // What the engine's parameter check refuses before the block runs, as a run reports it.
    await expectParamError(h.run(fill, { browser, selector: '', value: 'x' }), 'selector', /is required/);
    await expectParamError(h.run(fill, { browser, selector: 'input', value: { a: 1 } }), 'value', /expects text, got dictionary/);
    await expect(h.run(typeText, { browser, selector: '#nope', text: 'x', timeoutMs: 100 })).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND' });
    await expectParamError(h.run(pressKey, { browser, key: '' }), 'key', /is required/);
    await expect(h.run(setChecked, { browser, selector: '#nope', timeoutMs: 100 })).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND' });
    await expect(h.run(hover, { browser, selector: '#nope', timeoutMs: 100 })).rejects.toMatchObject({ code: 'SELECTOR_NOT_FOUND' });
    await expect(h.run(click, { browser, selector: 'div[[[', timeoutMs: 100 })).rejects.toMatchObject({ code: 'BAD_SELECTOR' });
    await expectParamError(h.run(click, { browser, selector: 'button', button: 'side' }), 'button', /must be one of left, right, middle, got "side"/);
    await expect(h.run(goTo, { browser, url: 'not a url' })).rejects.toThrow('is not a web address');
    const closed = `http://127.0.0.1:${await closedPort()}/`;
    await expect(h.run(goTo, { browser, url: closed })).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: `Opening ${closed} failed: net::ERR_CONNECTION_REFUSED (the site is unreachable)`,
    });
    await expect(h.run(getValue, { browser: { kind: 'other' }, selector: 'input' })).rejects.toThrow('must be the result of "Open browser"');
  });
});
