import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../src/host/host.js';
import { startEmulator, type EmulatorHandle } from '../src/orchestrator/emulator/server.js';
import { JobType } from '../src/orchestrator/protocol.js';
import { packProject } from '../src/publish/package.js';
import { adminApi, until, writeProject } from '../src/robot/testing/kit.js';
import { AssistantPage } from './pages/AssistantPage.js';
import { launchChromium } from './support/browser.js';
import { ensureRendererBuilt } from './support/build.js';

/**
 * The Assistant end to end: real Chromium on the real loopback host, reporting over real HTTP to
 * the Orchestrator emulator. Intervals are shortened for the test (the 10 s heartbeat floor only
 * through its test-only option).
 */

const TUNING = {
  pollIntervalMs: 300,
  workingHeartbeatMs: 300,
  testOnlyWorkingHeartbeatFloorMs: 300,
  outboxRetryMaxMs: 300,
};

let browser: Browser;
let root: string;
let dataDir: string;
let emulator: EmulatorHandle | null;
let host: RunningHost | null;
let page: Page;
let assistant: AssistantPage;
let robotGuid: string;
const admin = adminApi(() => emulator!.url);

async function openAssistant(): Promise<void> {
  host = await startHost({ dataDir, face: 'assistant', assistant: TUNING });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(20_000);
  assistant = new AssistantPage(page);
  await assistant.open(host.url);
}

async function closeAssistant(): Promise<void> {
  await page?.close();
  await host?.close();
  host = null;
}

/** Asks for confirmation, logs for the customer, returns total = amount × 2. */
async function invoiceProject(dir: string, name = 'Invoices'): Promise<string> {
  return writeProject(
    dir,
    name,
    [
      { id: 'start', type: 'core.start' },
      {
        id: 'ask',
        type: 'dialogs.confirm',
        params: { message: { expr: "'Invoice for ' + customer + '?'" } },
      },
      { id: 'say', type: 'core.log', params: { message: { expr: "'sent to ' + customer" } } },
      {
        id: 'calc',
        type: 'core.assign',
        params: { assignments: [{ variable: 'total', value: { expr: 'amount * 2' } }] },
      },
    ],
    [
      { from: 'start', to: 'ask' },
      { from: 'ask', port: 'yes', to: 'say' },
      { from: 'say', to: 'calc' },
    ],
    [
      { name: 'customer', type: 'text', direction: 'in' },
      { name: 'amount', type: 'number', direction: 'in', default: 21 },
      { name: 'total', type: 'number', direction: 'out' },
    ],
  );
}

/** `count` log lines "line <i>", a little apart. */
async function chattyProject(dir: string, count: number): Promise<string> {
  return writeProject(
    dir,
    'Chatty',
    [
      { id: 'start', type: 'core.start' },
      { id: 'loop', type: 'core.repeat', params: { count }, outputs: { index: 'i' } },
      { id: 'say', type: 'core.log', params: { message: { expr: "'line ' + i" } } },
      { id: 'wait', type: 'core.delay', params: { ms: 20 } },
    ],
    [
      { from: 'start', to: 'loop' },
      { from: 'loop', port: 'body', to: 'say' },
      { from: 'say', to: 'wait' },
    ],
    [{ name: 'i', type: 'number' }],
  );
}

beforeAll(async () => {
  await ensureRendererBuilt();
  browser = await launchChromium();
}, 240_000);
afterAll(async () => browser?.close());

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-assistant-e2e-'));
  dataDir = join(root, 'data');
  emulator = await startEmulator({ port: 0, dbFile: join(root, 'emulator.sqlite') });
  robotGuid = await admin.robot('desk');
  await openAssistant();
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') {
    await page
      ?.screenshot({
        path: join(
          tmpdir(),
          `cairn-e2e-assistant-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`,
        ),
      })
      .catch(() => undefined);
  }
  await closeAssistant();
  await emulator?.close();
  emulator = null;
  await rm(root, { recursive: true, force: true });
});

describe('the Assistant', () => {
  it('runs an added project with a typed argument and an answered dialog, keeps it in the history across restarts, and reports it', async () => {
    await expect(page.getByTestId('empty-processes').textContent()).resolves.toContain('Add…');
    await assistant.connect(emulator!.url, robotGuid);
    const projectDir = await invoiceProject(join(root, 'invoices'));
    await assistant.addProcess(projectDir);
    await assistant.card('Invoices').waitFor();

    await assistant.run('Invoices', { customer: 'ACME' });
    const question = page.getByRole('dialog').filter({ hasText: 'Invoice for ACME?' });
    await question.getByRole('button', { name: 'Yes' }).click();
    await assistant.result.filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    expect(await assistant.logTail.allInnerTexts()).toContain('sent to ACME');
    expect(await assistant.outputs.innerText()).toMatch(/total\s+42/);
    await assistant.card('Invoices').getByTestId('last-run').filter({ hasText: 'Done' }).waitFor();

    // The emulator has the run as an attended job with its log lines.
    const job = await until(async () => {
      const { jobs } = (await (await fetch(`${emulator!.url}/admin/jobs?robotGuid=${robotGuid}`)).json()) as {
        jobs: { guid: string; job_type: number; status: number }[];
      };
      return jobs.find((j) => j.job_type === JobType.Attended && j.status === 4);
    }, 'the attended run to reach the emulator as a finished job');
    await until(
      async () => (await admin.logs(job.guid)).some((l) => l.message === 'sent to ACME'),
      'the run log in the emulator',
    );

    // A new host on the same data folder: the history is still there.
    await closeAssistant();
    await openAssistant();
    await assistant.nav('History').click();
    await page.getByRole('button', { name: /^Open run Invoices of / }).click();
    const detail = page.getByTestId('history-detail');
    await detail.getByText('Done').first().waitFor();
    expect(await page.getByTestId('history-log').innerText()).toContain('sent to ACME');
    expect(await detail.innerText()).toMatch(/customer\s+ACME/);
    expect(await detail.innerText()).toContain('Reported to the Orchestrator');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByRole('button', { name: '⤓ Export log' }).click(),
    ]);
    const exported = await readFile(await download.path(), 'utf8');
    expect(exported).toContain('sent to ACME');

    // Filters: by result and by log text.
    await detail.getByRole('button', { name: '← Back to the list' }).click();
    await page.getByLabel('Search the logs').fill('no such line');
    await page.getByText('No runs match.').waitFor();
    await page.getByLabel('Search the logs').fill('SENT TO acme');
    await page
      .getByTestId('history-table')
      .getByRole('button', { name: /^Open run Invoices/ })
      .waitFor();
    await page.getByLabel('Result', { exact: true }).selectOption('failed');
    await page.getByText('No runs match.').waitFor();
  });

  it('lists a process published to the Orchestrator and runs its current version', async () => {
    const processGuid = await admin.process('Monthly report');
    const projectDir = await chattyProject(join(root, 'report'), 3);
    const form = new FormData();
    form.append('ProcessGuid', processGuid);
    form.append('Name', '1.0.0');
    form.append('Description', 'first version');
    form.append(
      'ProcessFile',
      new Blob([new Uint8Array(await packProject(projectDir))], { type: 'application/zip' }),
      'report-1.0.0.cairn',
    );
    // Publishing takes an integration API key (a robot GUID is refused, as by the real Orchestrator).
    const apiKey = (await (
      await fetch(`${emulator!.url}/admin/apikeys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'e2e publisher' }),
      })
    ).json()) as { guid: string };
    const published = await fetch(`${emulator!.url}/api/processVersion/create`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(apiKey.guid).toString('base64')}` },
      body: form,
    });
    expect(published.status).toBe(200);

    await assistant.connect(emulator!.url, robotGuid);
    const card = assistant.card('Monthly report');
    await card.waitFor();
    expect(await card.innerText()).toContain('Orchestrator');
    await assistant.run('Monthly report');
    await assistant.result.filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    expect(await assistant.logTail.allInnerTexts()).toEqual(
      expect.arrayContaining(['line 0', 'line 1', 'line 2']),
    );

    // A hotkey set on the card runs it again (in the browser: while the page has focus).
    await page.getByTestId('live-run').getByRole('button', { name: 'Close' }).click();
    await card.getByRole('button', { name: 'Settings of Monthly report' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings of Monthly report' });
    await settings.getByLabel('Hotkey').fill('Ctrl+Alt+1');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.waitFor({ state: 'detached' });
    await card.getByText('Ctrl+Alt+1').waitFor();
    await page.keyboard.press('Control+Alt+Digit1');
    await assistant.result.filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });

    // Favourites come first; the search filters the list.
    await assistant.addProcess(await invoiceProject(join(root, 'invoices')));
    await assistant.card('Invoices').getByRole('button', { name: 'Favourite' }).click();
    await assistant.card('Invoices').getByRole('button', { name: 'Remove from favourites' }).waitFor();
    expect(
      await page
        .getByTestId(/^process-/)
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label'))),
    ).toEqual(['Invoices', 'Monthly report']);
    await page.getByLabel('Search processes').fill('month');
    await assistant.card('Invoices').waitFor({ state: 'detached' });
    await card.waitFor();
  });

  it('pauses, resumes and stops a run', async () => {
    await assistant.addProcess(await chattyProject(join(root, 'long'), 2000));
    await assistant.run('Chatty');
    await assistant.logTail.filter({ hasText: 'line 3' }).waitFor();
    await assistant.control('Pause').click();
    await page.getByTestId('run-status').filter({ hasText: 'Paused' }).waitFor();
    const heldAt = await assistant.logTail.count();
    await assistant.control('Resume').click();
    await page.getByTestId('run-status').filter({ hasText: 'Running' }).waitFor();
    await until(async () => (await assistant.logTail.count()) > heldAt, 'the run to go on after Resume');
    await assistant.control('Stop').click();
    await assistant.result.filter({ hasText: 'Stopped' }).waitFor({ timeout: 30_000 });
  });

  it('shows an Orchestrator outage, still completes a run, and delivers everything once the Orchestrator is back', async () => {
    await assistant.connect(emulator!.url, robotGuid);
    await assistant.addProcess(await chattyProject(join(root, 'chatty'), 15));
    const port = emulator!.port;
    await emulator!.close();
    emulator = null;
    await assistant.connectionStatus.filter({ hasText: 'Orchestrator unreachable since' }).waitFor();

    await assistant.run('Chatty');
    await assistant.result.filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    await assistant.nav('Settings').click();
    const backlog = page.getByTestId('outbox-backlog');
    // Every line waits in the outbox (the page refreshes the figure every 2 s).
    await until(async () => Number(await backlog.innerText()) > 15, 'the backlog to show the run’s lines');

    emulator = await startEmulator({ port, dbFile: join(root, 'emulator.sqlite') });
    await backlog.filter({ hasText: /^0$/ }).waitFor({ timeout: 60_000 });
    await assistant.connectionStatus.filter({ hasText: 'Connected to the Orchestrator' }).waitFor();
    // The run began and ended offline, so the Orchestrator has no live job record of it; its log
    // lines arrive under the run's GUID, in order, none lost.
    const { logs } = (await (await fetch(`${emulator.url}/admin/logs`)).json()) as {
      logs: { robot_guid: string; message: string }[];
    };
    const lines = logs
      .filter((l) => l.robot_guid === robotGuid && l.message.startsWith('line '))
      .map((l) => l.message);
    expect(lines).toEqual(Array.from({ length: 15 }, (_, i) => `line ${i}`));
  });

  it('aborts a run that has a browser open and leaves no browser process behind', async () => {
    const projectDir = await writeProject(
      join(root, 'web'),
      'Web',
      [
        { id: 'start', type: 'core.start' },
        { id: 'open', type: 'web.openBrowser', params: { headless: true } },
        { id: 'hold', type: 'core.delay', params: { ms: 120_000 } },
      ],
      [
        { from: 'start', to: 'open' },
        { from: 'open', to: 'hold' },
      ],
    );
    const browserPids: number[] = [];
    host!.service.onEvent((event, payload) => {
      if (event !== 'run.event') return;
      const runEvent = (payload as { event: { type: string; pid?: number } }).event;
      if (runEvent.type === 'process.spawned' && runEvent.pid) browserPids.push(runEvent.pid);
    });
    await assistant.addProcess(projectDir);
    await assistant.run('Web');
    await page
      .getByTestId('live-run')
      .getByText(/Now: Delay/)
      .waitFor({ timeout: 60_000 });
    expect(browserPids.length).toBeGreaterThan(0);
    await assistant.control('Abort').click();
    await assistant.result.filter({ hasText: 'Aborted' }).waitFor({ timeout: 30_000 });
    await until(() => browserPids.every((pid) => !alive(pid)), 'the run’s browser to be gone', 15_000);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
