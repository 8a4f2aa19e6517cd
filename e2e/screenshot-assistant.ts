/**
 * Takes the Assistant's pictures for docs/assistant.md, in English and Russian: the process list
 * with a finished run, the run form, the history with a run opened, and the settings — against a
 * real emulator with a published process. Run: `npx tsx e2e/screenshot-assistant.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../src/host/host.js';
import { startEmulator } from '../src/orchestrator/emulator/server.js';
import { packProject } from '../src/publish/package.js';
import { adminApi, writeProject } from '../src/robot/testing/kit.js';
import { AssistantPage } from './pages/AssistantPage.js';
import { launchChromium } from './support/browser.js';
import { ensureRendererBuilt } from './support/build.js';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const root = await mkdtemp(join(tmpdir(), 'cairn-assistant-shots-'));

await ensureRendererBuilt();
const emulator = await startEmulator({ port: 0, dbFile: join(root, 'emulator.sqlite') });
const admin = adminApi(() => emulator.url);
const robotGuid = await admin.robot('Бухгалтерия — ПК 12');

const invoices = await writeProject(
  join(root, 'invoices'),
  'Invoices',
  [
    { id: 'start', type: 'core.start' },
    { id: 'say', type: 'core.log', params: { message: { expr: "'Invoices for ' + customer + ': ' + count" } } },
    { id: 'wait', type: 'core.delay', params: { ms: 400 } },
    { id: 'calc', type: 'core.assign', params: { assignments: [{ variable: 'total', value: { expr: 'count * 1250' } }, { variable: 'report', value: { expr: "'C:/Reports/' + customer + '.xlsx'" } }] } },
    { id: 'done', type: 'core.log', params: { message: 'Report saved' } },
  ],
  [
    { from: 'start', to: 'say' },
    { from: 'say', to: 'wait' },
    { from: 'wait', to: 'calc' },
    { from: 'calc', to: 'done' },
  ],
  [
    { name: 'customer', type: 'text', direction: 'in', description: 'Customer as in 1C' },
    { name: 'count', type: 'number', direction: 'in', default: 12 },
    { name: 'sendEmail', type: 'boolean', direction: 'in', default: true },
    { name: 'password', type: 'text', direction: 'in', sensitive: true, description: 'Portal password' },
    { name: 'total', type: 'number', direction: 'out' },
    { name: 'report', type: 'text', direction: 'out' },
  ],
);
await writeProject(join(root, 'payroll'), 'Payroll check', [{ id: 'start', type: 'core.start' }], []);
const processGuid = await admin.process('Bank statements');
const statements = await writeProject(join(root, 'statements'), 'Bank statements', [{ id: 'start', type: 'core.start' }], []);
await admin.packageVersion(processGuid, '2.3.0', (await packProject(statements)).toString('base64'));

const host = await startHost({ dataDir: join(root, 'data'), face: 'assistant', assistantPaths: [invoices, join(root, 'payroll')], assistant: { pollIntervalMs: 1000 } });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  page.setDefaultTimeout(30_000);
  const assistant = new AssistantPage(page);
  await assistant.open(host.url);
  await assistant.connect(emulator.url, robotGuid);
  await assistant.card('Bank statements').waitFor();
  await page.getByRole('button', { name: 'Favourite' }).first().click();
  for (const customer of ['Romashka LLC', 'Vostok JSC']) {
    await assistant.run('Invoices', { customer, password: 's3cret' });
    await assistant.result.waitFor();
  }
  await assistant.card('Invoices').getByTestId('last-run').filter({ hasText: 'Done' }).waitFor();

  for (const lang of ['en', 'ru'] as const) {
    await page.getByRole('combobox', { name: /Language|Язык/ }).selectOption(lang);
    await page.getByRole('navigation').getByRole('button').first().click();
    await page.mouse.move(0, 700);
    await page.screenshot({ path: join(docs, `assistant-processes-${lang}.png`) });
    await page.getByRole('button', { name: lang === 'en' ? 'Run Invoices' : 'Запустить Invoices', exact: true }).click();
    await page.getByLabel('customer', { exact: true }).fill('Romashka LLC');
    await page.mouse.move(0, 700);
    await page.screenshot({ path: join(docs, `assistant-run-form-${lang}.png`) });
    await page.getByRole('button', { name: lang === 'en' ? 'Close' : 'Закрыть' }).click();
    await page.getByRole('navigation').getByRole('button').nth(1).click();
    await page.getByTestId('history-table').waitFor();
    await page.getByTestId('history-table').getByRole('button').first().click();
    await page.getByTestId('history-log').waitFor();
    await page.mouse.move(0, 700);
    await page.screenshot({ path: join(docs, `assistant-history-${lang}.png`) });
    await page.getByRole('navigation').getByRole('button').nth(2).click();
    await page.getByTestId('connection-facts').waitFor();
    await page.mouse.move(0, 700);
    await page.screenshot({ path: join(docs, `assistant-settings-${lang}.png`) });
  }
  console.log(`wrote ${docs}assistant-*.png`);
} finally {
  await browser.close();
  await host.close();
  await emulator.close();
  await rm(root, { recursive: true, force: true });
}
