import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/harness.js';
import { goTo, openBrowser } from '../browser.js';
import { fill } from '../keyboard.js';
import { selectOption, setChecked } from '../forms.js';
import { getValue } from '../read.js';
import { allMatches } from './locate.js';
import { getSession } from './session.js';

/** Every way a form names its fields, each field with a name to check which one was filled. */
const form = `<!doctype html><meta charset="utf-8">
<div><label for="a">Linked</label><input id="a" name="linked"></div>
<div><label>Wrapping <input name="wrapping"></label></div>
<div><label>First Name</label><input name="beside"></div>
<div><label>Role in Company</label>
  <input name="beside-spaced"></div>
<div><label>Комментарий</label><textarea name="textarea"></textarea></div>
<div><label>Country</label><select name="select"><option>Chile</option><option>Peru</option></select></div>
<div><span id="lbl">Labelled by</span><input name="labelledby" aria-labelledby="lbl"></div>
<div><input name="aria" aria-label="Aria label"></div>
<div><label>Agree</label><input type="checkbox" name="agree"></div>
<div><label>Email</label><input name="email"></div>
<div><label>Email again</label><input name="email2"></div>
<div><label>Not a field</label><span>text</span></div>`;

let h: Harness;
let browser: unknown;

beforeAll(async () => {
  h = await createHarness();
  browser = (await h.run(openBrowser, {}))?.outputs?.browser;
  await h.run(goTo, { browser, url: `data:text/html,${encodeURIComponent(form)}` });
});
afterAll(() => h.close());

async function namesMatching(label: string): Promise<string[]> {
  return allMatches(getSession(browser), label, 'label').evaluateAll((els) => els.map((el) => el.getAttribute('name') ?? ''));
}

describe('Find by: label, in real Chromium', () => {
  it.each([
    ['Linked', 'linked'],
    ['Wrapping', 'wrapping'],
    ['First Name', 'beside'],
    ['first name', 'beside'],
    ['Role in Company', 'beside-spaced'],
    ['комментарий', 'textarea'],
    ['Country', 'select'],
    ['Labelled by', 'labelledby'],
    ['Aria label', 'aria'],
  ])('finds the field labelled "%s"', async (label, name) => {
    expect(await namesMatching(label)).toEqual([name]);
  });

  it('matches a part of the label, or the whole label in quotes', async () => {
    expect(await namesMatching('Email')).toEqual(['email', 'email2']);
    expect(await namesMatching('"Email"')).toEqual(['email']);
    expect(await namesMatching('"Email again"')).toEqual(['email2']);
  });

  it('never takes a label that sits beside something that is not a field', async () => {
    expect(await namesMatching('Not a field')).toEqual([]);
  });

  it('fills, selects and checks fields whose label is only beside them', async () => {
    await h.run(fill, { browser, by: 'label', selector: 'First Name', value: 'Ada' });
    await h.run(fill, { browser, by: 'label', selector: 'Комментарий', value: 'привет' });
    await h.run(selectOption, { browser, by: 'label', selector: 'Country', option: 'Peru' });
    await h.run(setChecked, { browser, by: 'label', selector: 'Agree', checked: true });
    expect((await h.run(getValue, { browser, by: 'label', selector: 'First Name' }))?.outputs?.value).toBe('Ada');
    expect((await h.run(getValue, { browser, by: 'label', selector: 'Комментарий' }))?.outputs?.value).toBe('привет');
    expect((await h.run(getValue, { browser, by: 'label', selector: 'Country' }))?.outputs?.value).toBe('Peru');
    expect(await getSession(browser).page.locator('[name=agree]').isChecked()).toBe(true);
  });

  it('says plainly when no field has the label', async () => {
    await expect(h.run(fill, { browser, by: 'label', selector: 'Not a field', value: 'x', timeoutMs: 300 })).rejects.toMatchObject({
      code: 'SELECTOR_NOT_FOUND',
      message: 'label "Not a field" matched nothing after 300 ms',
    });
  });
});
