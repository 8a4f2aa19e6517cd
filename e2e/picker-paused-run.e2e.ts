import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../src/api/contract.js';
import { designerSession } from './support/session.js';
import { until } from './pages/DesignerPage.js';
import { PickerWindow } from './pages/PickerWindow.js';
import { startPickerSite, type PickerSite } from '../src/picker/testing/pages.js';
import { openWebProject } from './support/webProject.js';

/**
 * Pick in the browser of a paused debug run: the scenario opens a page and clicks "Add a note",
 * which puts a field into the page that its HTML never had; the run pauses on a breakpoint after
 * that. Pick then works in the run's own (headless) browser, reached here through the DevTools
 * endpoint the paused run reports (run.browsers), as a person would click in that runWindow.
 */
const session = designerSession();
let site: PickerSite;
let runWindow: PickerWindow | undefined;

beforeAll(async () => {
  site = await startPickerSite();
  // The picker's own browser (used when no run is paused) stays headless under test too.
  process.env.CAIRN_PICKER_HEADLESS = '1';
});
afterEach(async () => {
  await runWindow?.detach();
  runWindow = undefined;
});
afterAll(async () => {
  delete process.env.CAIRN_PICKER_HEADLESS;
  await site?.close();
});

const status = () => session.designer.properties.getByTestId('selector-status');
const element = () => session.designer.properties.getByLabel('Element', { exact: true });

describe('picker in the browser of a paused run', () => {
  it('picks the field the run revealed, in the run’s own page, which stays open and unchanged', async () => {
    const { page, designer, host } = session;
    await openWebProject(
      session,
      site,
      [
        { id: 'reveal', type: 'web.click', params: { selector: 'text=Add a note' } },
        { id: 'note', type: 'web.fill', params: { selector: '#no-such-field', value: 'Leave at the door' } },
        { id: 'send', type: 'web.click', params: { selector: 'text=Send' } },
        { id: 'sent', type: 'web.waitForElement', params: { selector: 'text=Order sent' } },
      ],
      '/reveal',
    );
    let runId = '';
    const off = host.service.onEvent((event, payload) => {
      const { runId: id, event: e } = payload as EventPayload<'run.event'>;
      if (event === 'run.event' && e.type === 'run.started') runId = id;
    });

    // A breakpoint on the fill block, then Debug: the run clicks "Add a note" and pauses.
    await designer.select('note');
    await page.keyboard.press('F9');
    await page.keyboard.press('Control+F6');
    await page.getByRole('status').filter({ hasText: 'Paused at note' }).waitFor({ timeout: 60_000 });
    off();

    // Highlight on the paused run's page: the revealed field is there (a fresh page has none).
    await element().fill('Note');
    await designer.properties.getByLabel('Find by', { exact: true }).selectOption('label');
    await designer.properties.getByRole('button', { name: 'Highlight' }).click();
    await status().filter({ hasText: '1 match' }).waitFor({ timeout: 30_000 });

    // Pick: the person clicks the revealed field in the run's browser runWindow.
    await element().fill('#no-such-field');
    await designer.properties.getByLabel('Find by', { exact: true }).selectOption('selector');
    await designer.properties.getByRole('button', { name: 'Pick' }).click();
    await status().filter({ hasText: 'the paused run' }).waitFor();
    const { browsers } = (await host.service.call('run.browsers', { runId })) as { browsers: { endpoint: string; url: string }[] };
    expect(browsers).toEqual([expect.objectContaining({ endpoint: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\//), url: `${site.url}/reveal` })]);
    runWindow = await PickerWindow.attach(browsers[0].endpoint, '/reveal');
    // The picker works in the run's page, so it hovers the field the run revealed.
    await until(async () => (await runWindow!.page.locator('[name=note]').count()) === 1, 'the revealed field in the run’s page');
    await runWindow.hoverUntilOutlined(runWindow.page.locator('[name=note]'));
    await runWindow.pointAndClick(runWindow.page.locator('[name=note]'));
    await status().filter({ hasText: '1 match' }).waitFor();
    expect(await element().inputValue()).toBe('Note');
    expect(await designer.properties.getByLabel('Find by', { exact: true }).inputValue()).toBe('label');

    // The picker left: no overlay, no picker globals, the run's page and its field as they were.
    await until(async () => (await runWindow!.page.evaluate(() => !('__cairnPicker' in window) && !document.querySelector('cairn-picker-overlay'))) === true, 'the picker gone from the run’s page');
    expect(await runWindow.page.locator('[name=note]').inputValue()).toBe('');
    expect(runWindow.page.isClosed()).toBe(false);

    // The paused run still has its browser; stopping it ends the run, then a run with the picked selector passes.
    expect(((await host.service.call('run.browsers', { runId })) as { browsers: unknown[] }).browsers).toHaveLength(1);
    await page.keyboard.press('Shift+F5');
    await page.getByTestId('run-result').filter({ hasText: 'Run stopped' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+F5');
    await page.getByTestId('run-result').filter({ hasText: 'Run succeeded' }).waitFor({ timeout: 60_000 });
    await until(() => site.sent.some((s) => s.note === 'Leave at the door'), 'the note sent by the run');
  }, 180_000);
});
