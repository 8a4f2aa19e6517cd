import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startRun } from '../engine/runner/index.js';
import { startEmulator, type EmulatorHandle } from '../orchestrator/emulator/server.js';
import { JobStatus } from '../orchestrator/protocol.js';
import { robotSettingsSchema } from '../store/robotSettings.js';
import { openRobot, type Robot } from './robot.js';
import { adminApi, FINAL_JOB_STATUSES, loggingScenario, packageBase64, tempDir, until, writeProject } from './testing/kit.js';

let dir: string;
let emulator: EmulatorHandle | null;
let robot: Robot | null = null;
let url = '';
const admin = adminApi(() => url);

beforeEach(async () => {
  dir = await tempDir('robot-outage');
});
afterEach(async () => {
  await robot?.close();
  robot = null;
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

it('loses and reorders nothing when the Orchestrator goes down mid-job and comes back on the same port and database', async () => {
  const dbFile = path.join(dir, 'emulator.sqlite');
  emulator = await startEmulator({ port: 0, dbFile });
  url = emulator.url;
  const port = emulator.port;
  const robotGuid = await admin.robot('outage robot');
  const processGuid = await admin.process('Outage process');
  const scenario = loggingScenario(60, 50);
  const projectDir = await writeProject(path.join(dir, 'project'), 'outage', scenario.blocks, scenario.links, scenario.variables);
  const versionGuid = await admin.packageVersion(processGuid, 'outage 1.0.0', await packageBase64(projectDir));
  const jobGuid = await admin.job(robotGuid, versionGuid);

  robot = openRobot({
    dataDir: path.join(dir, 'robot'),
    settings: robotSettingsSchema.parse({ orchestratorUrl: url, robotGuid, pollIntervalMs: 100 }),
    startRun,
    agent: { workingHeartbeatMs: 1000, testOnlyWorkingHeartbeatFloorMs: 1000, retryInitialMs: 100, retryMaxMs: 300, outboxRetryInitialMs: 50, outboxRetryMaxMs: 200 },
  });
  const agent = robot.agent;
  const running = agent.run();

  await until(async () => (await admin.logs(jobGuid)).some((l) => l.message === 'line 5'), 'the first lines to arrive');
  await emulator.close();
  emulator = null;
  // The job keeps logging into the outbox while the Orchestrator is away.
  await until(() => agent.status().backlog >= 15 && agent.status().outboxError !== null, 'a backlog to build up');
  // The job even ends during the outage: its final status waits in the outbox behind its logs.
  await until(() => robot!.store.runs.get(jobGuid)?.status === JobStatus.Success, 'the job to end while the Orchestrator is down');
  await until(() => agent.status().state === 'offline', 'the robot to report the Orchestrator unreachable');

  const restartedAt = new Date().toISOString();
  emulator = await startEmulator({ port, dbFile });
  const job = await until(async () => {
    const state = await admin.getJob(jobGuid);
    return FINAL_JOB_STATUSES.includes(state.status) ? state : null;
  }, 'the job to finish', 30_000);
  expect(job.status).toBe(JobStatus.Success);

  const logs = await admin.logs(jobGuid);
  const lines = logs.map((l) => l.message).filter((m) => m.startsWith('line '));
  // Exactly once each, in order (the emulator's own count).
  expect(lines).toEqual(Array.from({ length: 60 }, (_, i) => `line ${i}`));
  expect(job.history.at(-1)!.at >= logs.at(-1)!.at).toBe(true);
  // The backlog arrived after the restart but keeps the time the robot wrote it (Cairn's `Time` field).
  const last = logs.filter((l) => l.message.startsWith('line ')).at(-1)!;
  expect(last.at >= restartedAt).toBe(true);
  expect(last.written_at! < restartedAt).toBe(true);
  await until(() => agent.status().backlog === 0, 'the outbox to drain');

  await agent.stop();
  expect(await running).toBe(0);
}, 90_000);
