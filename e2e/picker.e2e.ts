import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';
import { until } from './pages/DesignerPage.js';
import { usePickerSite } from './support/pickerSite.js';
import { openWebProject, runAndSucceed } from './support/webProject.js';

/**
 * The element picker from the Designer, as a person uses it: Pick under a web block's Element
 * field opens the picker's own browser at the scenario's page (headless here, driven through its
 * DevTools port), the click there writes the selector into the field, and the run passes.
 */
const session = designerSession();
const pickers = usePickerSite();

const status = () => session.designer.properties.getByTestId('selector-status');

describe('element picker in the Designer', () => {
  it('Pick writes the selector of the clicked field into the block, Highlight counts matches, and the run passes', async () => {
    const { designer } = session;
    await openWebProject(session, pickers.site, [
      { id: 'first', type: 'web.fill', params: { value: 'Ada' } },
      { id: 'send', type: 'web.click', params: { selector: '.btn' } },
    ]);

    // Highlight says plainly how many elements a selector matches on the live page.
    await designer.select('send');
    await designer.properties.getByRole('button', { name: 'Highlight' }).click();
    await status().filter({ hasText: '2 matches' }).waitFor({ timeout: 60_000 });
    await designer.properties.getByLabel('Element', { exact: true }).fill('#no-such-thing');
    await designer.properties.getByRole('button', { name: 'Highlight' }).click();
    await status().filter({ hasText: '0 matches' }).waitFor();

    // Pick on the fill block: the picker shows the form; clicking the field writes its label.
    await designer.select('first');
    await designer.properties.getByRole('button', { name: 'Pick' }).click();
    await status().filter({ hasText: 'Click the element in the picker window' }).waitFor();
    const picker = await pickers.attach('/form');
    await picker.pointAndClick(picker.page.locator('[name=first]'));
    await status().filter({ hasText: '1 match' }).waitFor();
    expect(await designer.properties.getByLabel('Element', { exact: true }).inputValue()).toBe('First Name');
    expect(await designer.properties.getByLabel('Find by', { exact: true }).inputValue()).toBe('label');
    await expect(designer.properties.getByTestId('picker-alternative').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^label\s+First Name\s+1 match$/),
      expect.stringMatching(/^CSS\s+.+\s+1 match$/),
    ]);

    // Pick the send button on the click block: its test id wins.
    await designer.select('send');
    await designer.properties.getByRole('button', { name: 'Pick' }).click();
    await status().filter({ hasText: 'Click the element' }).waitFor();
    await picker.pointAndClick(picker.page.getByTestId('send-order'));
    await status().filter({ hasText: '1 match' }).waitFor();
    expect(await designer.properties.getByLabel('Element', { exact: true }).inputValue()).toBe('[data-testid="send-order"]');

    await runAndSucceed(session);
    await until(() => pickers.site.sent.some((s) => s.first === 'Ada'), 'the form sent by the run');
  }, 180_000);

  it('picks inside an iframe and inside an open shadow root, and the run clicks both', async () => {
    const { designer } = session;
    await openWebProject(session, pickers.site, [
      { id: 'pay', type: 'web.click' },
      { id: 'add', type: 'web.click' },
      { id: 'paid', type: 'web.waitForElement', params: { selector: '#pay >> internal:control=enter-frame >> text=Paid' } },
      { id: 'added', type: 'web.waitForElement', params: { selector: 'text=Added' } },
    ]);
    await designer.select('pay');
    await designer.properties.getByRole('button', { name: 'Pick' }).click();
    const picker = await pickers.attach('/form');
    await picker.pointAndClick(picker.page.frameLocator('#pay').getByRole('button', { name: 'Pay now' }));
    await status().filter({ hasText: '1 match' }).waitFor();
    expect(await designer.properties.getByLabel('Element', { exact: true }).inputValue()).toBe('#pay >> internal:control=enter-frame >> role=button[name="Pay now"]');

    await designer.select('add');
    await designer.properties.getByRole('button', { name: 'Pick' }).click();
    await status().filter({ hasText: 'Click the element' }).waitFor();
    await picker.pointAndClick(picker.page.getByRole('button', { name: 'Add to cart' }));
    await status().filter({ hasText: '1 match' }).waitFor();
    expect(await designer.properties.getByLabel('Element', { exact: true }).inputValue()).toBe('role=button[name="Add to cart"]');

    await runAndSucceed(session);
  }, 180_000);
});

