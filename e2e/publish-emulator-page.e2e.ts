import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createAdminClient, type AdminClient } from '../src/orchestrator/emulator/admin-client.js';
import { startEmulator, type EmulatorHandle } from '../src/orchestrator/emulator/server.js';
import { launchChromium } from './support/browser.js';
import { EmulatorPage } from './pages/OrchestratorPages.js';

// The emulator's web page on its own: an operator's actions in Russian, over real HTTP.

const shots = process.env.CAIRN_SHOTS_DIR;
let browser: Browser;
let emulator: EmulatorHandle;
let admin: AdminClient;
let page: Page;
let web: EmulatorPage;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  emulator = await startEmulator({ seedDemo: true });
  admin = createAdminClient(emulator.url);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
  page.setDefaultTimeout(15_000);
  web = new EmulatorPage(page);
});
afterEach(async () => {
  await page?.close();
  await emulator.close();
});

describe('the emulator web page', () => {
  it('speaks Russian, stops and aborts jobs, masks values and lists queues', async () => {
    await admin.addAsset({ name: 'Курс', type: 'Text', text: '91.5' });
    await admin.addAsset({ name: 'Банк', type: 'Credentials', text: 'robot-login', password: 'Bank-Pa$$-42' });
    const queue = await admin.addQueue('Счета');
    await web.open(emulator.url);
    await page.getByRole('heading', { name: 'Задания' }).waitFor();

    // The demo job is Pending; stopping a job no robot took ends it at once.
    const demoJob = emulator.demo!.jobGuid;
    await page.getByTestId(`job-status-${demoJob}`).getByText('В очереди').waitFor();
    await page.getByRole('button', { name: new RegExp(`^Остановить .*${demoJob.slice(0, 8)}$`) }).click();
    await page.getByTestId(`job-status-${demoJob}`).getByText('Остановлено').waitFor();
    expect((await admin.job(demoJob)).status).toBe(7);

    await page.getByLabel('Робот', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Версия', { exact: true }).selectOption({ label: 'Hello hello' });
    await page.getByLabel('Приоритет').selectOption({ label: 'Высокий' });
    await page.getByRole('button', { name: 'Создать задание' }).click();
    await page.getByRole('status').getByText(/^Задание .* создано\.$/).waitFor();
    const created = (await admin.jobs()).jobs.find((j) => j.guid !== demoJob)!;
    expect(created.priority).toBe(3);
    await page.getByRole('button', { name: new RegExp(`^Прервать .*${created.guid.slice(0, 8)}$`) }).click();
    await page.getByTestId(`job-status-${created.guid}`).getByText('Прервано').waitFor();

    await web.tab('Процессы');
    const download = page.getByRole('region', { name: 'Hello' }).getByRole('link', { name: 'Скачать' });
    expect(await download.getAttribute('href')).toBe(`/admin/versions/${emulator.demo!.versionGuid}/download`);

    await web.tab('Переменные и учётные данные');
    const assets = page.getByRole('table', { name: 'Переменные и учётные данные' });
    await assets.getByText('логин: robot-login · ••••••').waitFor();
    await expect(assets.getByText('91.5').count()).resolves.toBe(0);
    await assets.getByRole('button', { name: 'Показать Курс' }).click();
    await assets.getByText('91.5').waitFor();
    expect(await page.content()).not.toContain('Bank-Pa$$-42');
    if (shots) await page.screenshot({ path: `${shots}/emulator-assets-ru.png` });

    await fetch(`${emulator.url}/api/task/create`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(emulator.demo!.robotGuid).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Name: 'Счёт 42', QueueGuid: queue.guid }).toString(),
    });
    await web.tab('Очереди');
    await page.getByRole('table', { name: 'Очереди', exact: true }).getByText('Счета').waitFor();
    await page.getByRole('table', { name: 'Элементы очереди' }).getByRole('row', { name: /Счёт 42 Счета Новый/ }).waitFor();

    await web.tab('Роботы');
    await page.getByRole('table', { name: 'Роботы' }).getByText('Demo robot').waitFor();
    // English at a click, remembered across a reload.
    await page.getByLabel('Language / Язык').selectOption('en');
    await page.getByRole('heading', { name: 'Robots' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Robots' }).waitFor();
  });
});
