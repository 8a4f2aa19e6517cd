import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { createAdminClient, type AdminClient } from '../src/orchestrator/emulator/admin-client.js';
import { startEmulator, type EmulatorHandle } from '../src/orchestrator/emulator/server.js';
import { startCli } from '../src/cli/testing/spawnCli.js';
import { designerSession } from './support/session.js';
import { until } from './pages/DesignerPage.js';
import { EmulatorPage, PublishDialogs } from './pages/OrchestratorPages.js';

const session = designerSession({ sample: 'hello' });
const shots = process.env.CAIRN_SHOTS_DIR;

let emulator: EmulatorHandle;
let admin: AdminClient;
let robotGuid: string;
let apiKey: string;
let robotData: string;

beforeEach(async () => {
  emulator = await startEmulator();
  admin = createAdminClient(emulator.url);
  robotGuid = (await admin.addRobot('Desk robot')).guid;
  apiKey = (await admin.addApiKey('Designer')).guid;
  robotData = await mkdtemp(join(tmpdir(), 'cairn-e2e-robot-'));
});
afterEach(async () => {
  await emulator.close();
  await rm(robotData, { recursive: true, force: true });
});

describe('publishing from the Designer to the Orchestrator', () => {
  it('publishes a version, the emulator page shows it, a job created there runs on `cairn robot` and its logs show', async () => {
    const { page, host } = session;
    const dialogs = new PublishDialogs(page);

    // The connection, tested step by step, then saved (the key goes to the vault).
    await dialogs.configure({ url: emulator.url, apiKey, robotGuid });
    await dialogs.connection.getByRole('button', { name: 'Test connection' }).click();
    const checks = dialogs.connection.getByRole('list', { name: 'Connection test' });
    await checks.getByText(/API key accepted/).waitFor();
    await checks.getByText('Robot GUID accepted.').waitFor();
    await admin.addAsset({ name: 'InvoiceFolder', type: 'Text', text: 'C:/in' });
    await admin.addAsset({ name: 'ErpLogin', type: 'Credentials', text: 'robot', password: 'Erp-Pa$$-1' });
    await dialogs.connection.getByRole('button', { name: 'Show variables and credentials' }).click();
    const assets = dialogs.connection.getByRole('region', { name: 'Variables and credentials' });
    await assets.getByText('InvoiceFolder').waitFor();
    await assets.getByText('login: robot').waitFor();
    expect(await page.content()).not.toContain('Erp-Pa$$-1');
    if (shots) await page.screenshot({ path: join(shots, 'orchestrator-dialog.png') });
    await dialogs.connection.getByRole('button', { name: 'Save', exact: true }).click();
    await dialogs.connection.waitFor({ state: 'detached' });
    const settings = await readFile(join(host.dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain(emulator.url);
    expect(settings).not.toContain(apiKey);

    // Publish… : a new process, a minor bump (1.0.0 → 1.1.0), release notes.
    const publish = await dialogs.openPublish();
    await publish.getByLabel('Process', { exact: true }).selectOption({ label: 'New process…' });
    await publish.getByLabel('New process name').fill('Greetings');
    await publish.getByRole('radio', { name: 'Minor' }).check();
    await publish.getByTestId('version-change').getByText('1.0.0 → 1.1.0').waitFor();
    await publish.getByLabel('Release notes').fill('Greets in two languages');
    if (shots) await page.screenshot({ path: join(shots, 'publish-dialog-before.png') });
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    await publish.getByText('✔ Published Greetings 1.1.0').waitFor();
    const versionGuid = (await publish.getByTestId('version-guid').textContent()) ?? '';
    expect(versionGuid).toMatch(/^[0-9a-f-]{36}$/);
    await publish.getByRole('region', { name: 'Existing versions' }).getByText('Greets in two languages').waitFor();
    if (shots) await page.screenshot({ path: join(shots, 'publish-dialog.png') });
    const manifest = JSON.parse(await readFile(join(host.projectDir!, 'cairn.project.json'), 'utf8')) as { version: string };
    expect(manifest.version).toBe('1.1.0');
    await publish.getByRole('button', { name: 'Close' }).click();

    // The emulator's page: the version is there; a job for the robot is created from it.
    const webPage = await page.context().browser()!.newPage({ viewport: { width: 1280, height: 800 } });
    onTestFinished(() => webPage.close());
    const web = new EmulatorPage(webPage);
    await web.open(emulator.url);
    await web.tab('Processes');
    const greetings = web.main.getByRole('region', { name: 'Greetings' });
    await greetings.getByText('1.1.0', { exact: true }).waitFor();
    await greetings.getByText('Greets in two languages').waitFor();
    await web.tab('Jobs');
    await web.page.getByLabel('Robot', { exact: true }).selectOption({ label: `Desk robot (${robotGuid.slice(0, 8)})` });
    await web.page.getByLabel('Version', { exact: true }).selectOption({ label: 'Greetings 1.1.0' });
    await web.page.getByRole('button', { name: 'Create job' }).click();
    await web.page.getByRole('status').getByText(/^Job .* created\.$/).waitFor();
    const jobs = await admin.jobs(robotGuid);
    expect(jobs.jobs).toHaveLength(1);
    const jobGuid = jobs.jobs[0].guid;
    await web.page.getByTestId(`job-status-${jobGuid}`).getByText('Pending').waitFor();

    // `cairn robot`, a real process, takes the job and runs it; the page follows it live.
    const robot = startCli(['robot', '--orchestrator', emulator.url, '--guid', robotGuid, '--data', robotData, '--poll-interval', '0.2']);
    await web.page.getByTestId(`job-status-${jobGuid}`).getByText('Success').waitFor({ timeout: 90_000 });
    const logs = web.main.getByRole('region', { name: /^Logs of job/ });
    await logs.getByText('Hello, Cairn!').waitFor({ timeout: 30_000 });
    await logs.getByText('Nice to meet you, World!', { exact: true }).waitFor();
    if (shots) await web.page.screenshot({ path: join(shots, 'emulator-jobs.png') });
    // The page shows the robot's write time, which the emulator stored beside the arrival time.
    const stored = await admin.logs(jobGuid);
    expect(stored.logs.length).toBeGreaterThan(0);
    for (const line of stored.logs) expect(Date.parse(line.written_at ?? '')).toBeLessThanOrEqual(Date.parse(line.at));
    robot.child.kill('SIGINT');
    await robot.exit;
  }, 180_000);

  it('does not publish a project with validation errors: nothing is uploaded and the Problems panel opens', async () => {
    const { page, host } = session;
    const dialogs = new PublishDialogs(page);
    await dialogs.configure({ url: emulator.url, apiKey });
    await dialogs.connection.getByRole('button', { name: 'Save', exact: true }).click();
    await dialogs.connection.waitFor({ state: 'detached' });
    // A broken sub-scenario on disk (not the open one): publishing checks the whole project.
    await writeFile(
      join(host.projectDir!, 'broken.scenario.json'),
      JSON.stringify({ format: 'cairn.scenario/1', id: 'b', name: 'Broken', blocks: [{ id: 'start', type: 'core.start' }, { id: 'x', type: 'core.nope' }], links: [{ from: 'start', port: 'next', to: 'x' }] }),
    );
    const publish = await dialogs.openPublish();
    await publish.getByRole('alert').getByText(/1 validation error\(s\) block publishing/).waitFor();
    await expect(publish.getByRole('button', { name: 'Publish', exact: true }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: /^Problems/, selected: true }).waitFor();
    await page.getByTestId('problem').getByText(/unknown type "core.nope"/).waitFor();
    expect((await admin.requests({ path: '/api/processVersion/create' })).count).toBe(0);
    const manifest = JSON.parse(await readFile(join(host.projectDir!, 'cairn.project.json'), 'utf8')) as { version: string };
    expect(manifest.version).toBe('1.0.0');
  });

  it('says what failed when the API key is wrong, and publishes nothing', async () => {
    const { page } = session;
    const dialogs = new PublishDialogs(page);
    await dialogs.configure({ url: emulator.url, apiKey: '0badc0de-0000-4000-8000-000000000000', robotGuid });
    await dialogs.connection.getByRole('button', { name: 'Test connection' }).click();
    const checks = dialogs.connection.getByRole('list', { name: 'Connection test' });
    await checks.getByText('The Orchestrator answered.').waitFor();
    await checks.getByText(/refused the API key \(HTTP 401\)/).waitFor();
    await dialogs.connection.getByRole('button', { name: 'Save', exact: true }).click();
    const publish = await dialogs.openPublish();
    await publish.getByRole('alert').getByText(/refused the API key/).waitFor();
    await publish.getByRole('button', { name: 'Orchestrator settings…' }).waitFor();
    expect((await admin.requests({ path: '/api/processVersion/create' })).count).toBe(0);
  });

  it("offers the Orchestrator's variable and credential names in its blocks", async () => {
    const { page, designer } = session;
    await admin.addAsset({ name: 'InvoiceFolder', type: 'Text', text: 'C:/in' });
    await admin.addAsset({ name: 'ErpLogin', type: 'Credentials', text: 'robot', password: 'Erp-Pa$$-1' });
    const dialogs = new PublishDialogs(page);
    await dialogs.configure({ url: emulator.url, apiKey });
    await dialogs.connection.getByRole('button', { name: 'Save', exact: true }).click();
    await dialogs.connection.waitFor({ state: 'detached' });

    await page.getByLabel('Search blocks').fill('Get credential');
    await designer.dragBlock('orchestrator.getCredential', 700, 300);
    await designer.select('getCredential1');
    await designer.properties.getByRole('combobox', { name: 'Asset name' }).waitFor();
    const names = page.getByTestId('suggest-getCredential1/name').locator('option');
    await until(async () => (await names.count()) === 1, 'the credential names');
    expect(await names.first().getAttribute('value')).toBe('ErpLogin');

    await page.getByLabel('Search blocks').fill('Get global variable');
    await designer.dragBlock('orchestrator.getAsset', 400, 300);
    await designer.select('getAsset1');
    const variables = page.getByTestId('suggest-getAsset1/name').locator('option');
    await until(async () => (await variables.count()) === 1, 'the variable names');
    expect(await variables.first().getAttribute('value')).toBe('InvoiceFolder');
  });
});
