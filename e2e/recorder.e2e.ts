import { describe, expect, it } from 'vitest';
import { designerSession } from './support/session.js';
import { until } from './pages/DesignerPage.js';
import { openWebProject, runAndSucceed } from './support/webProject.js';
import { usePickerSite } from './support/pickerSite.js';

/**
 * The recorder from the Designer: Record under a web block's Element field, fill a form in the
 * picker's browser (headless here, driven through its DevTools port), Stop recording — the steps
 * appear as blocks after the selected one, running them sends the same form, one undo removes them.
 */
const session = designerSession();
const pickers = usePickerSite();

describe('recorder in the Designer', () => {
  it('records a six-step form fill into blocks after the selected one; the run reproduces it; one undo removes them', async () => {
    const { designer, page } = session;
    await openWebProject(session, pickers.site, []);
    await designer.select('open');
    await designer.properties.getByRole('button', { name: 'Record' }).click();
    const status = designer.properties.getByTestId('selector-status');
    await status.filter({ hasText: 'Recording' }).waitFor({ timeout: 60_000 });

    const picker = await pickers.attach('/form');
    const form = picker.page;
    await picker.typeInto(form.locator('[name=first]'), 'Ada');
    await picker.typeInto(form.locator('[name=last]'), 'Lovelace');
    await picker.typeInto(form.locator('[name=email]'), 'ada@example.com');
    await form.locator('[name=country]').focus();
    await form.locator('[name=country]').selectOption('pe');
    await form.getByText('Send me news').click();
    await form.getByTestId('send-order').click();
    await form.waitForURL(/\/sent/);
    await until(() => pickers.site.sent.length === 1, 'the form sent while recording');

    await designer.properties.getByRole('button', { name: 'Stop recording' }).click();
    await status.filter({ hasText: '6 steps recorded' }).waitFor();
    for (const id of ['fill1', 'fill2', 'fill3', 'selectOption1', 'check1', 'click1']) await designer.block(id).waitFor();
    await designer.edge('open', 'next', 'fill1').waitFor({ state: 'attached' });
    await designer.edge('click1', 'next', 'end').waitFor({ state: 'attached' });

    await designer.select('fill1');
    expect(await designer.properties.getByLabel('Element', { exact: true }).inputValue()).toBe('First Name');

    await runAndSucceed(session);
    await until(() => pickers.site.sent.length === 2, 'the form sent by the run');
    expect(pickers.site.sent[1]).toEqual(pickers.site.sent[0]);
    expect(pickers.site.sent[1]).toMatchObject({ first: 'Ada', last: 'Lovelace', email: 'ada@example.com', country: 'pe', news: 'yes' });

    // One undo takes the whole recording back.
    await designer.canvas.click({ position: { x: 700, y: 40 } });
    await page.keyboard.press('Control+z');
    await designer.block('fill1').waitFor({ state: 'detached' });
    expect(await page.getByTestId(/^block-/).count()).toBe(3);
    await designer.edge('open', 'next', 'end').waitFor({ state: 'attached' });
  }, 180_000);
});
