import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { createHarness, type Harness } from '../activities/testing/harness.js';
import { goTo, openBrowser } from '../activities/web/browser.js';
import { click } from '../activities/web/mouse.js';
import { fill } from '../activities/web/keyboard.js';
import { selectOption, setChecked } from '../activities/web/forms.js';
import { getText } from '../activities/web/read.js';
import { waitForUrl } from '../activities/web/wait.js';
import { getSession } from '../activities/web/lib/session.js';
import { PickerBrowser } from './picker.js';
import { startPickerSite, type PickerSite } from './testing/pages.js';

let site: PickerSite;
let picker: PickerBrowser;
let h: Harness;
let browser: unknown;

beforeAll(async () => {
  site = await startPickerSite();
  picker = await PickerBrowser.open({ headless: true });
  h = await createHarness();
  browser = (await h.run(openBrowser, {}))?.outputs?.browser;
});
afterAll(async () => {
  await picker?.close();
  await h?.close();
  await site?.close();
});

/** What a person does: move the mouse onto the element, then click it. */
async function pointAndClick(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('element not visible');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await picker.page.mouse.move(x - 5, y - 5);
  await picker.page.mouse.move(x, y);
  await picker.page.mouse.click(x, y);
}

async function pickOn(target: (page: PickerBrowser['page']) => Locator) {
  const picked = picker.pick();
  await pointAndClick(target(picker.page));
  return picked;
}

describe('picker in real Chromium', () => {
  it('proposes the label for a field whose label sits beside it, and the click never reaches the page', async () => {
    await picker.show(`${site.url}/form`);
    const result = await pickOn((p) => p.locator('[name=first]'));
    expect(result.best).toMatchObject({ strategy: 'label', by: 'label', selector: 'First Name', count: 1, unique: true });
    expect(result.alternatives.map((a) => a.strategy)).toEqual(['label', 'css']); // a label beside a field is no accessible name: no role
    expect(await picker.page.evaluate(() => document.activeElement?.getAttribute('name') ?? null)).toBeNull();
  });

  it('prefers a test id, then role and name', async () => {
    const send = await pickOn((p) => p.getByTestId('send-order'));
    expect(send.best).toMatchObject({ strategy: 'testId', selector: '[data-testid="send-order"]', count: 1 });
    expect(send.alternatives[1]).toMatchObject({ strategy: 'role', selector: 'role=button[name="Send order"]', count: 1 });
    expect(picker.page.url()).toBe(`${site.url}/form`); // the submit button was not pressed
  });

  it('refuses a selector that is not unique and offers one that is', async () => {
    const help = await pickOn((p) => p.getByRole('button', { name: 'Help' }).nth(1));
    const role = help.alternatives.find((a) => a.strategy === 'role');
    expect(role).toMatchObject({ count: 2, unique: false });
    expect(help.best?.strategy).toBe('css');
    expect(help.best?.count).toBe(1);
    await h.run(goTo, { browser, url: `${site.url}/form` });
    const second = getSession(browser).page;
    await second.evaluate(() => document.querySelectorAll('.btn')[1].setAttribute('data-hit', 'yes'));
    expect(await second.locator(help.best!.selector).getAttribute('data-hit')).toBe('yes');
  });

  it('picks inside an iframe: the selector goes through the frame and a block can click it', async () => {
    const pay = await pickOn((p) => p.frameLocator('#pay').getByRole('button'));
    expect(pay.framePath).toBe('#pay >> internal:control=enter-frame >> ');
    expect(pay.best).toMatchObject({ strategy: 'role', selector: '#pay >> internal:control=enter-frame >> role=button[name="Pay now"]', count: 1 });
    await h.run(goTo, { browser, url: `${site.url}/form` });
    await h.run(click, { browser, selector: pay.best!.selector });
    expect((await h.run(getText, { browser, selector: '#pay >> internal:control=enter-frame >> button' }))?.outputs?.text).toBe('Paid');
  });

  it('picks inside an open shadow root and a block can click it', async () => {
    const add = await pickOn((p) => p.getByRole('button', { name: 'Add to cart' }));
    expect(add.best).toMatchObject({ strategy: 'role', selector: 'role=button[name="Add to cart"]', count: 1 });
    const css = add.alternatives.find((a) => a.strategy === 'css');
    expect(css).toMatchObject({ selector: 'shop-widget #inside', count: 1, unique: true });
    await h.run(goTo, { browser, url: `${site.url}/form` });
    await h.run(click, { browser, selector: add.best!.selector });
    expect((await h.run(getText, { browser, selector: css!.selector }))?.outputs?.text).toBe('Added');
  });

  it('highlights what a selector matches and says how many', async () => {
    expect(await picker.highlight('Help', 'text')).toBe(2);
    expect(await picker.highlight('First Name', 'label')).toBe(1);
    expect(await picker.highlight('#nothing-here', 'selector')).toBe(0);
  });

  it('records a form fill as web blocks with robust selectors and typed values as parameters, and they replay it', async () => {
    await picker.show(`${site.url}/form?fresh`);
    await picker.startRecording();
    const p = picker.page;
    const type = async (target: Locator, text: string) => {
      await target.click({ timeout: 5000 });
      await p.keyboard.type(text);
      if (process.env.CAIRN_PICKER_DEBUG) console.log('typed', text);
    };
    await type(p.locator('[name=first]'), 'Ada');
    await type(p.locator('[name=last]'), 'Lovelace');
    await type(p.locator('[name=email]'), 'ada@example.com');
    await p.locator('[name=country]').focus(); // as a person moves on to the list (the e-mail field's change fires)
    await p.locator('[name=country]').selectOption('pe');
    await p.getByText('Send me news').click({ timeout: 5000 });
    await p.getByTestId('send-order').click({ timeout: 5000 });
    await p.waitForURL(/\/sent/, { timeout: 5000 });
    const steps = await picker.stopRecording();
    expect(steps.map((s) => [s.type, s.params.by, s.params.selector])).toEqual([
      ['web.fill', 'label', 'First Name'],
      ['web.fill', 'label', 'Last Name'],
      ['web.fill', 'selector', 'role=textbox[name="Email"]'], // a linked label is an accessible name: role comes first
      ['web.selectOption', 'label', 'Country'],
      ['web.check', 'selector', 'role=checkbox[name="Send me news"]'],
      ['web.click', 'selector', '[data-testid="send-order"]'],
    ]);
    expect(steps.every((s) => s.unique)).toBe(true);
    expect(steps.slice(0, 4).map((s) => [s.input?.variable, s.input?.value])).toEqual([
      ['firstName', 'Ada'],
      ['lastName', 'Lovelace'],
      ['email', 'ada@example.com'],
      ['country', 'pe'],
    ]);

    // Replayed by the blocks in a run's browser, with the typed values as the parameters' defaults.
    const blocks = { 'web.fill': fill, 'web.selectOption': selectOption, 'web.check': setChecked, 'web.click': click } as const;
    await h.run(goTo, { browser, url: `${site.url}/form` });
    for (const step of steps) {
      const block = blocks[step.type as keyof typeof blocks];
      await h.run(block, { browser, ...step.params, ...(step.input ? { [step.input.param]: step.input.value } : {}) });
    }
    await h.run(waitForUrl, { browser, urlPart: '/sent' });
    expect((await h.run(getText, { browser, selector: '#sent' }))?.outputs?.text).toBe(
      'first=Ada\nlast=Lovelace\nemail=ada@example.com\ncountry=pe\nnews=yes\nnote=',
    );
  });
});
