import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAppStore, type AppStore } from './appStore.js';
import { robotSettingsSchema } from './robotSettings.js';

let dir: string;
let store: AppStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-settings-'));
  store = openAppStore(path.join(dir, 'app.sqlite'));
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

it('persists the robot identity and settings across restarts', () => {
  expect(store.settings.load()).toBeNull();
  const settings = robotSettingsSchema.parse({ orchestratorUrl: 'http://127.0.0.1:4500', robotGuid: 'g-1', scriptsDir: '/srv/scripts' });
  store.settings.save({ ...settings, insecureTls: true });
  store.close();
  store = openAppStore(path.join(dir, 'app.sqlite'));
  expect(store.settings.load()).toEqual({ ...settings, insecureTls: true, pollIntervalMs: 10_000, workingHeartbeatMs: 10_000 });
});

it('refuses a working heartbeat below the protocol floor of 10 s', () => {
  expect(() => robotSettingsSchema.parse({ orchestratorUrl: 'http://127.0.0.1:4500', robotGuid: 'g', workingHeartbeatMs: 2000 })).toThrow();
});

it('records runs and finds the ones a crash left in progress', () => {
  store.runs.begin({ jobGuid: 'j1', robotGuid: 'r', kind: 'orchestrated', name: 'Invoices', versionGuid: 'v1', status: 8 });
  store.runs.begin({ jobGuid: 'j2', robotGuid: 'r', kind: 'orchestrated', name: 'Other', status: 8 });
  store.runs.finish('j2', 4);
  expect(store.runs.withStatus('r', 8).map((run) => run.jobGuid)).toEqual(['j1']);
  expect(store.runs.get('j2')).toMatchObject({ status: 4, name: 'Other' });
});
