import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminClient, type AdminClient } from '../../orchestrator/emulator/admin-client.js';
import { startEmulator, type EmulatorHandle } from '../../orchestrator/emulator/server.js';
import type { CommandArgs, CommandName, CommandResult } from '../contract.js';
import { createService, type ApiService } from '../service.js';

// The Orchestrator commands of the contract, through the real service, against the real emulator.

const sample = fileURLToPath(new URL('../../../resources/samples/hello', import.meta.url));
const invokeSample = fileURLToPath(new URL('../../../resources/samples/invoke', import.meta.url));
let dir: string;
let service: ApiService;
let emulator: EmulatorHandle;
let admin: AdminClient;
let apiKey: string;
let robotGuid: string;

const call = <C extends CommandName>(command: C, args: CommandArgs<C>) => service.call(command, args) as Promise<CommandResult<C>>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-api-orch-'));
  service = createService({ dataDir: join(dir, 'data'), mode: 'browser', startRun: () => { throw new Error('no runs here'); } });
  emulator = await startEmulator();
  admin = createAdminClient(emulator.url);
  apiKey = (await admin.addApiKey('designer')).guid;
  robotGuid = (await admin.addRobot('designer robot')).guid;
});
afterEach(async () => {
  await service.dispose();
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Orchestrator connection', () => {
  it('keeps URL and robot GUID in settings and the API key only in the vault; the key never comes back', async () => {
    const saved = await call('orchestrator.saveConnection', { url: emulator.url, allowInsecureTls: false, robotGuid, apiKey });
    expect(saved).toEqual({ url: emulator.url, allowInsecureTls: false, robotGuid, hasApiKey: true });
    const settings = await readFile(join(dir, 'data', 'settings.json'), 'utf8');
    expect(settings).toContain(emulator.url);
    expect(settings).not.toContain(apiKey);
    expect(await readFile(join(dir, 'data', 'secrets.json'), 'utf8')).not.toContain(apiKey);
    expect(JSON.stringify(await call('orchestrator.connection', {}))).not.toContain(apiKey);
    // Saving without a key keeps it; '' forgets it.
    expect((await call('orchestrator.saveConnection', { url: emulator.url, allowInsecureTls: true, robotGuid })).hasApiKey).toBe(true);
    expect((await call('orchestrator.saveConnection', { url: emulator.url, allowInsecureTls: true, robotGuid, apiKey: '' })).hasApiKey).toBe(false);
    await expect(call('orchestrator.saveConnection', { url: 'ftp://x', allowInsecureTls: false, robotGuid: '' })).rejects.toMatchObject({ code: 'invalid_args' });
  });

  it('tests the connection step by step and says exactly what worked', async () => {
    const good = await call('orchestrator.testConnection', { url: emulator.url, apiKey, robotGuid });
    expect(good.ok).toBe(true);
    expect(good.checks.map((c) => [c.id, c.ok, c.skipped])).toEqual([
      ['url', true, false],
      ['reach', true, false],
      ['apiKey', true, false],
      ['robot', true, false],
    ]);
    expect(good.checks[2].message.en).toMatch(/^API key accepted: \d+ processes visible\.$/);

    const badKey = await call('orchestrator.testConnection', { url: emulator.url, apiKey: '0badc0de-0000-4000-8000-000000000000', robotGuid: '11111111-2222-4333-8444-555555555555' });
    expect(badKey.ok).toBe(false);
    expect(badKey.checks.find((c) => c.id === 'reach')?.ok).toBe(true);
    expect(badKey.checks.find((c) => c.id === 'apiKey')?.message.en).toMatch(/refused the API key \(HTTP 401\)/);
    expect(badKey.checks.find((c) => c.id === 'robot')?.message.en).toBe('The Orchestrator does not know robot 11111111-2222-4333-8444-555555555555.');

    const closed = await startEmulator();
    const closedUrl = closed.url;
    await closed.close();
    const down = await call('orchestrator.testConnection', { url: closedUrl, apiKey, robotGuid });
    expect(down.checks.map((c) => [c.id, c.ok, c.skipped])).toEqual([
      ['url', true, false],
      ['reach', false, false],
      ['apiKey', false, true],
      ['robot', false, true],
    ]);
    expect(down.checks[1].message.en).toMatch(/cannot be reached \(ECONNREFUSED\)/);
  });

  it('lists processes, versions and assets (no passwords), and maps refusals to contract errors', async () => {
    await expect(call('orchestrator.processes', {})).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringMatching(/No Orchestrator URL/) });
    await call('orchestrator.saveConnection', { url: emulator.url, allowInsecureTls: false, robotGuid, apiKey });
    await admin.addAsset({ name: 'bank', type: 'Credentials', text: 'robot-login', password: 'Bank-Pa$$-42' });
    await admin.addAsset({ name: 'rate', type: 'Text', text: '91.5' });
    const assets = await call('orchestrator.assets', {});
    expect(JSON.stringify(assets)).not.toContain('Bank-Pa$$-42');
    expect(assets.map((a) => [a.name, a.type, a.value])).toEqual([
      ['bank', 'credentials', 'robot-login'],
      ['rate', 'text', '91.5'],
    ]);
    const { guid } = await admin.addProcess('Listed');
    await admin.addVersion(guid, '0.1.0', Buffer.from('PK'));
    expect((await call('orchestrator.processes', {})).map((p) => p.name)).toContain('Listed');
    expect((await call('orchestrator.versions', { processGuid: guid })).map((v) => v.name)).toEqual(['0.1.0']);
    await expect(call('orchestrator.versions', { processGuid: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await call('orchestrator.saveConnection', { url: emulator.url, allowInsecureTls: false, robotGuid, apiKey: '0badc0de-0000-4000-8000-000000000000' });
    await expect(call('orchestrator.processes', {})).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/refused the API key/) });
  });
});

describe('publishing from the Designer', () => {
  it('checks the project, previews the version and publishes with progress events', async () => {
    const project = join(dir, 'hello');
    await cp(sample, project, { recursive: true });
    await call('orchestrator.saveConnection', { url: emulator.url, allowInsecureTls: false, robotGuid, apiKey });
    const check = await call('publish.check', { projectDir: project });
    expect(check).toMatchObject({ project: { name: 'hello', version: '1.0.0' }, errors: 0 });
    expect(await call('publish.preview', { projectDir: project, bump: 'major' })).toEqual({ current: '1.0.0', next: '2.0.0', error: null });
    expect((await call('publish.preview', { projectDir: project, version: '0.1.0' })).error).toEqual({
      en: "Version 0.1.0 is older than the project's current version 1.0.0.",
      ru: 'Версия 0.1.0 старше текущей версии проекта 1.0.0.',
    });

    const steps: string[] = [];
    service.onEvent((event, payload) => {
      if (event === 'publish.progress') steps.push((payload as { step: string }).step);
    });
    const result = await call('publish.start', { projectDir: project, target: { processName: 'From the Designer' }, bump: 'minor', notes: 'n' });
    expect(result).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0', processName: 'From the Designer', processCreated: true });
    expect(steps).toEqual(['validating', 'packing', 'connecting', 'uploading', 'saving']);
    await expect(call('publish.start', { projectDir: project, target: { processGuid: result.processGuid }, version: '1.1.0' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses to publish what cairn publish refuses: a sub-scenario that is missing blocks it, with the invoking block named', async () => {
    const project = join(dir, 'invoke');
    await cp(invokeSample, project, { recursive: true });
    expect((await call('publish.check', { projectDir: project })).errors).toBe(0);
    await rm(join(project, 'lib'), { recursive: true });
    const check = await call('publish.check', { projectDir: project });
    expect(check.errors).toBe(1);
    expect(check.files.flatMap((f) => f.problems.map((p) => p.code))).toContain('invoke.missingScenario');
    await call('orchestrator.saveConnection', { url: emulator.url, allowInsecureTls: false, robotGuid, apiKey });
    await expect(call('publish.start', { projectDir: project, target: { processName: 'Broken' }, bump: 'patch' })).rejects.toBeTruthy();
    // Nothing reached the Orchestrator: no process created, nothing uploaded.
    expect((await admin.requests({ path: '/api/process/create' })).count).toBe(0);
    expect((await admin.requests({ path: '/api/processVersion/create' })).count).toBe(0);
  });
});
