import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../orchestrator/emulator/server.js';
import { adminApi, tempDir, until, writeProject } from '../../robot/testing/kit.js';
import { runCli } from '../testing/spawnCli.js';

let dir: string;
let emulator: EmulatorHandle;
const admin = adminApi(() => emulator.url);

beforeEach(async () => {
  dir = await tempDir('run-orchestrator');
  emulator = await startEmulator({ port: 0, dbFile: path.join(dir, 'emulator.sqlite') });
});
afterEach(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

/** Reads the global variable "greeting" and sends a log line to the Orchestrator. */
const project = () =>
  writeProject(
    path.join(dir, 'greet'),
    'greet',
    [
      { id: 'start', type: 'core.start' },
      { id: 'read', type: 'orchestrator.getAsset', params: { name: 'greeting' }, outputs: { value: 'text' } },
      { id: 'say', type: 'core.log', params: { message: { expr: "'got ' + text" } } },
      { id: 'tell', type: 'orchestrator.log', params: { message: { expr: "'told ' + text" } } },
    ],
    [
      { from: 'start', to: 'read' },
      { from: 'read', to: 'say' },
      { from: 'say', to: 'tell' },
    ],
    [{ name: 'text', type: 'text' }],
  );

describe('cairn run with an Orchestrator', () => {
  it('lets Orchestrator blocks read global variables and send log lines', async () => {
    const guid = await admin.robot('cli');
    await admin.asset({ name: 'greeting', type: 2, text: 'привет' });
    const result = await runCli(['run', await project(), '--orchestrator', emulator.url, '--guid', guid]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('got привет');
    const logs = await until(async () => {
      const { logs } = (await (await fetch(`${emulator.url}/admin/logs`)).json()) as { logs: { robot_guid: string; message: string }[] };
      return logs.find((l) => l.robot_guid === guid && l.message === 'told привет');
    }, 'the log line in the Orchestrator');
    expect(logs).toBeTruthy();
  });

  it('without a connection, says how to connect', async () => {
    const result = await runCli(['run', await project()]);
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toContain('Pass --orchestrator URL --guid GUID');
  });

  it('refuses half a connection', async () => {
    const result = await runCli(['run', await project(), '--guid', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--orchestrator URL and --guid GUID go together');
  });
});
