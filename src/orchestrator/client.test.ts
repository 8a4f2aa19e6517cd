import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrchestratorClient } from './client.js';
import { isOrchestratorError } from './errors.js';
import { startEmulator, type EmulatorHandle } from './emulator/server.js';
import { createAdminClient, type AdminClient } from './emulator/admin-client.js';
import { HeartbeatErrorCode, JobStatus, JobType, RobotStatus, TaskStatus } from './protocol.js';
import { packProject, unpackProject } from '../publish/package.js';

// The client against the emulator over real HTTP on 127.0.0.1, one call at a time.

let emulator: EmulatorHandle;
let admin: AdminClient;
let robotGuid: string;
let client: OrchestratorClient;
let versionGuid: string;
const machine = { machine: 'WS-042', ip: '10.1.2.3', mac: 'aa:bb:cc:dd:ee:ff' };

beforeAll(async () => {
  emulator = await startEmulator();
  admin = createAdminClient(emulator.url);
  robotGuid = (await admin.addRobot('Robot 1')).guid;
  client = new OrchestratorClient({ url: emulator.url, robotGuid, machine, retries: 0 });
  const process = await admin.addProcess('Invoices');
  versionGuid = (await admin.addVersion(process.guid, 'invoices\\main')).guid;
});
afterAll(async () => {
  await emulator.close();
});

describe('robot calls (seed 004)', () => {
  it('heartbeat reports the machine and says whether a job waits', async () => {
    const idle = await client.heartbeat({ status: RobotStatus.Ready });
    expect(idle).toMatchObject({ errorCode: 0, errorText: '', hasNewJob: false });
    const robots = (await (await fetch(`${emulator.url}/admin/robots`)).json()) as Record<string, unknown>[];
    expect(robots.find((r) => r.guid === robotGuid)).toMatchObject({ machine: 'WS-042', ip: '10.1.2.3', mac: 'aa:bb:cc:dd:ee:ff', status: 2 });

    await admin.addJob(robotGuid, versionGuid);
    expect((await client.heartbeat({ status: RobotStatus.Ready })).hasNewJob).toBe(true);
  });

  it('consumeNextJob hands the job with its version and task, once', async () => {
    const queue = await admin.addQueue('q-consume');
    const task = await client.createTask({ queueGuid: queue.guid, name: 'invoice 7', parameters: { amount: 7 } });
    // drain the job of the previous test first
    const first = await client.consumeNextJob();
    expect(first?.version.name).toBe('invoices\\main');
    expect(first?.task).toBeNull();

    const job = await admin.addJob(robotGuid, versionGuid, { taskGuid: task.guid });
    const consumed = await client.consumeNextJob(RobotStatus.Ready);
    expect(consumed?.job.guid).toBe(job.guid);
    expect(consumed?.version).toMatchObject({ guid: versionGuid, name: 'invoices\\main' });
    expect(consumed?.task).toMatchObject({ guid: task.guid, name: 'invoice 7', parameters: { amount: 7 } });
    expect(await client.consumeNextJob()).toBeNull();
  });

  it('updateJob moves the job through InProgress to Success, recorded in its history', async () => {
    const { guid } = await admin.addJob(robotGuid, versionGuid);
    await client.consumeNextJob();
    expect(await client.updateJob({ guid, status: JobStatus.InProgress })).toContain('"Status":8');
    await client.updateJob({ guid, status: JobStatus.Success });
    const job = await admin.job(guid);
    expect(job.history.map((h) => h.status)).toEqual([JobStatus.Pending, JobStatus.InProgress, JobStatus.Success]);
  });

  it('heartbeat answers 20 after a stop request and 10 after an abort', async () => {
    const { guid } = await admin.addJob(robotGuid, versionGuid);
    await client.consumeNextJob();
    await client.updateJob({ guid, status: JobStatus.InProgress });
    const working = { status: RobotStatus.Working, jobGuid: guid, jobName: 'invoices' };
    expect((await client.heartbeat(working)).errorCode).toBe(HeartbeatErrorCode.NoError);
    await admin.stopJob(guid);
    expect((await client.heartbeat(working)).errorCode).toBe(HeartbeatErrorCode.JobStopping);
    await admin.abortJob(guid);
    const aborting = await client.heartbeat(working);
    expect(aborting.errorCode).toBe(HeartbeatErrorCode.JobAborting);
    expect(aborting.errorText).toMatch(/Abort requested/);
    await client.updateJob({ guid, status: JobStatus.Aborted });
    expect((await client.heartbeat({ status: RobotStatus.Ready })).errorCode).toBe(HeartbeatErrorCode.NoError);
  });

  it('an attended run (JobType 2) becomes a job record with the run GUID and name', async () => {
    const runGuid = 'a77e0ded-0000-4000-8000-000000000001';
    await client.heartbeat({ status: RobotStatus.Working, jobGuid: runGuid, jobName: 'Monthly report', jobType: JobType.Attended });
    await client.updateJob({ guid: runGuid, status: JobStatus.Success });
    const job = await admin.job(runGuid);
    expect(job).toMatchObject({ name: 'Monthly report', job_type: 2, robot_guid: robotGuid, status: JobStatus.Success });
    expect(job.history.map((h) => h.status)).toEqual([JobStatus.InProgress, JobStatus.Success]);
  });

  it('an unknown robot is reported as robotUnknown, with the GUID named', async () => {
    const stranger = new OrchestratorClient({ url: emulator.url, robotGuid: '0badc0de-0000-4000-8000-000000000000', retries: 0 });
    const error = await stranger.heartbeat({ status: RobotStatus.Ready }).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'robotUnknown')).toBe(true);
    expect(String(error)).toMatch(/does not know robot 0badc0de/);
    await expect(stranger.consumeNextJob()).rejects.toMatchObject({ kind: 'robotUnknown' });
    await expect(stranger.readAsset('x')).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
  });
});

describe('logs, assets, queues', () => {
  it('createLog delivers lines in order, single or batched', async () => {
    const { guid } = await admin.addJob(robotGuid, versionGuid);
    await client.createLog({ level: 'Info', message: 'started', jobGuid: guid, versionGuid });
    await client.createLog([
      { level: 'Warning', message: 'slow page', jobGuid: guid },
      { level: 'Error', message: 'Ошибка: нет файла', jobGuid: guid },
    ]);
    const logs = await admin.logs(guid);
    expect(logs.count).toBe(3);
    expect(logs.logs.map((l) => [l.level, l.message])).toEqual([
      ['Info', 'started'],
      ['Warning', 'slow page'],
      ['Error', 'Ошибка: нет файла'],
    ]);
    expect(logs.logs[0]).toMatchObject({ robot_guid: robotGuid, version_guid: versionGuid });
  });

  it('reads and updates Text and Credentials assets by name or GUID', async () => {
    const text = await admin.addAsset({ name: 'Inbox', type: 'Text', text: 'C:/in' });
    await admin.addAsset({ name: 'SAP', type: 'Credentials', text: 'robot1', password: 's3cret' });
    expect(await client.readAsset('Inbox')).toMatchObject({ guid: text.guid, type: 2, text: 'C:/in', password: null });
    expect(await client.readAsset(text.guid)).toMatchObject({ name: 'Inbox' });
    expect(await client.readAsset('SAP')).toMatchObject({ type: 1, text: 'robot1', password: 's3cret' });
    await client.updateAsset({ name: 'Inbox', text: 'D:/in' });
    expect((await client.readAsset('Inbox')).text).toBe('D:/in');
    await expect(client.readAsset('Nope')).rejects.toMatchObject({ kind: 'notFound', status: 404 });
  });

  it('creates, reads, takes and updates queue tasks', async () => {
    const queue = await admin.addQueue('Invoices');
    const a = await client.createTask({ queueGuid: queue.guid, name: 'A', parameters: { n: 1 }, retries: 2 });
    await client.createTask({ queueGuid: queue.guid, name: 'B' });
    expect(await client.readTask(a.guid)).toMatchObject({ name: 'A', status: TaskStatus.New, queueGuid: queue.guid, parameters: { n: 1 } });
    const next = await client.nextTask(queue.guid);
    expect(next).toMatchObject({ guid: a.guid, status: TaskStatus.InProgress });
    expect((await client.nextTask(queue.guid))?.name).toBe('B');
    expect(await client.nextTask(queue.guid)).toBeNull();
    await client.updateTask({ guid: a.guid, status: TaskStatus.Success, comment: 'done' });
    expect(await client.readTask(a.guid)).toMatchObject({ status: TaskStatus.Success, comment: 'done' });
    await expect(client.createTask({ queueGuid: 'no-such-queue', name: 'x' })).rejects.toMatchObject({ kind: 'notFound' });
  });

  it('never hands one task to two robots taking from the queue at once', async () => {
    const queue = await admin.addQueue('Contended');
    for (let i = 0; i < 10; i += 1) await client.createTask({ queueGuid: queue.guid, name: `t${i}` });
    const other = new OrchestratorClient({ url: emulator.url, robotGuid: (await admin.addRobot('Robot 2')).guid, machine, retries: 0 });
    const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : client).nextTask(queue.guid)));
    const guids = taken.filter((t) => t !== null).map((t) => t.guid);
    expect(guids).toHaveLength(10);
    expect(new Set(guids).size).toBe(10);
  });
});

describe('publishing and packages', () => {
  it('creates a process, publishes a package, reads the version back and downloads the same bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-publish-'));
    try {
      await writeFile(join(dir, 'cairn.project.json'), '{"name":"pub","version":"1.2.0"}');
      await writeFile(join(dir, 'main.scenario.json'), '{"format":"cairn.scenario/1","id":"m","name":"Main"}');
      const pkg = await packProject(dir);
      const publisher = new OrchestratorClient({ url: emulator.url, robotGuid, apiKey: (await admin.addApiKey('designer')).guid });
      const process = await publisher.createProcess({ name: 'Publishing', description: 'from the Designer', processType: 1 });
      expect(await publisher.readProcess(process.guid)).toMatchObject({ name: 'Publishing', description: 'from the Designer' });
      expect((await publisher.listProcesses()).map((p) => p.name)).toContain('Publishing');

      const version = await publisher.publishVersion({ processGuid: process.guid, name: '1.2.0', description: 'first', file: pkg, fileName: 'pub-1.2.0.cairn' });
      expect(await publisher.readVersion(version.guid)).toMatchObject({ processGuid: process.guid, name: '1.2.0', fileName: 'pub-1.2.0.cairn' });
      const downloaded = await client.downloadVersion(version.guid);
      expect(downloaded.equals(pkg)).toBe(true);
      expect(await unpackProject(downloaded, join(dir, 'out'))).toEqual(['cairn.project.json', 'main.scenario.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uploads a screenshot attached to a job and refuses what is not a PNG', async () => {
    const { guid } = await admin.addJob(robotGuid, versionGuid);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 7)]);
    await client.uploadScreenshot({ jobGuid: guid, pngBase64: png.toString('base64'), note: 'crash' });
    expect(await admin.screenshots(guid)).toMatchObject([{ job_guid: guid, note: 'crash', size: 108 }]);
    await expect(client.uploadScreenshot({ jobGuid: guid, pngBase64: 'aGVsbG8=' })).rejects.toMatchObject({ kind: 'rejected', status: 400 });
  });
});
