// The Orchestrator blocks end to end: a real robot runs a real job from the real emulator.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRun } from '../engine/runner/index.js';
import { startEmulator, type EmulatorHandle } from '../orchestrator/emulator/server.js';
import { JobStatus } from '../orchestrator/protocol.js';
import { openRobot, type Robot } from './robot.js';
import { adminApi, packageBase64, tempDir, writeProject } from './testing/kit.js';
import { robotSettingsSchema } from '../store/robotSettings.js';
import { TINY_PNG } from './testing/robotHost.js';

let dir: string;
let emulator: EmulatorHandle;
let robot: Robot | null = null;
const admin = adminApi(() => emulator.url);

beforeEach(async () => {
  dir = await tempDir('orchestrator-blocks');
  emulator = await startEmulator({ port: 0 });
});
afterEach(async () => {
  await robot?.close();
  robot = null;
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe('orchestrator blocks in a job the robot takes from the emulator', () => {
  it('uses assets, credentials and a queue, logs and sends a screenshot; a missing asset goes down the error port', async () => {
    const robotGuid = await admin.robot('blocks robot');
    const processGuid = await admin.process('Invoices');
    const queueGuid = await admin.queue('invoices');
    await admin.asset({ name: 'rate', type: 2, text: '90' });
    await admin.asset({ name: 'bank', type: 1, text: 'robot-login', password: 'Bank-Pa$$-42' });

    // writeProject's block type leaves out the error policy, which the scenario format has.
    const blocks: (Parameters<typeof writeProject>[2][number] & {
      onError?: string;
      errorVariable?: string;
    })[] = [
      { id: 'start', type: 'core.start' },
      {
        id: 'cred',
        type: 'orchestrator.getCredential',
        params: { name: 'bank' },
        outputs: { login: 'login', password: 'password' },
      },
      { id: 'setRate', type: 'orchestrator.setAsset', params: { name: 'rate', value: '91.5' } },
      { id: 'getRate', type: 'orchestrator.getAsset', params: { name: 'rate' }, outputs: { value: 'rate' } },
      {
        id: 'add',
        type: 'orchestrator.addTask',
        params: { queue: queueGuid, name: 'invoice 7', parameters: { amount: 7 } },
      },
      {
        id: 'take',
        type: 'orchestrator.takeTask',
        params: { queue: queueGuid },
        outputs: { guid: 'task', parameters: 'taskParams' },
      },
      {
        id: 'done',
        type: 'orchestrator.setTaskStatus',
        params: { guid: { expr: 'task' }, status: 'Success', comment: { expr: "'rate ' + rate" } },
      },
      {
        id: 'say',
        type: 'orchestrator.log',
        params: { message: { expr: "'paid ' + taskParams.amount + ' as ' + login + ' / ' + password" } },
      },
      {
        id: 'shot',
        type: 'orchestrator.screenshot',
        params: { source: 'file', path: 'assets/shot.png', note: 'receipt' },
      },
      {
        id: 'missing',
        type: 'orchestrator.getAsset',
        params: { name: 'no-such-asset' },
        onError: 'handle',
        errorVariable: 'problem',
      },
      {
        id: 'handled',
        type: 'orchestrator.log',
        params: { level: 'warn', message: { expr: "'missing asset: ' + problem.code" } },
      },
    ];
    const inOrder = ['start', 'cred', 'setRate', 'getRate', 'add', 'take', 'done', 'say', 'shot', 'missing'];
    const projectDir = await writeProject(
      path.join(dir, 'project'),
      'invoices',
      blocks,
      [
        ...inOrder.slice(1).map((to, i) => ({ from: inOrder[i], to })),
        { from: 'missing', port: 'error', to: 'handled' },
      ],
      [
        { name: 'login', type: 'text' },
        { name: 'password', type: 'secret' },
        { name: 'rate', type: 'text' },
        { name: 'task', type: 'text' },
        { name: 'taskParams', type: 'any' },
        { name: 'problem', type: 'any' },
      ],
    );
    // Only assets/ besides the scenarios travels in the package.
    await mkdir(path.join(projectDir, 'assets'));
    await writeFile(path.join(projectDir, 'assets', 'shot.png'), TINY_PNG);
    const versionGuid = await admin.packageVersion(
      processGuid,
      'invoices 1.0.0',
      await packageBase64(projectDir),
    );
    const jobGuid = await admin.job(robotGuid, versionGuid);

    robot = openRobot({
      dataDir: path.join(dir, 'robot'),
      settings: robotSettingsSchema.parse({ orchestratorUrl: emulator.url, robotGuid, pollIntervalMs: 100 }),
      startRun,
      agent: {
        once: true,
        workingHeartbeatMs: 1000,
        testOnlyWorkingHeartbeatFloorMs: 1000,
        retryInitialMs: 100,
        retryMaxMs: 400,
        outboxRetryInitialMs: 50,
      },
    });
    expect(await robot.agent.run()).toBe(0);

    const messages = (await admin.logs(jobGuid)).map((l) => l.message);
    // The log lines in the failure message say why, should the job not succeed.
    expect({ status: (await admin.getJob(jobGuid)).status, messages }).toMatchObject({
      status: JobStatus.Success,
    });
    expect(messages).toContain('paid 7 as robot-login / ••••••');
    expect(messages).toContain('missing asset: NOT_FOUND');
    expect(messages.join('\n')).not.toContain('Bank-Pa$$-42');
    expect(await admin.tasks(queueGuid)).toEqual([
      expect.objectContaining({ name: 'invoice 7', status: 2, comment: 'rate 91.5' }),
    ]);
    expect(await admin.screenshots(jobGuid)).toEqual([
      expect.objectContaining({ note: 'receipt', size: TINY_PNG.length }),
    ]);
  }, 60_000);
});
