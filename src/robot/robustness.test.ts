import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRun } from '../engine/runner/index.js';
import { startEmulator, type EmulatorHandle } from '../orchestrator/emulator/server.js';
import { JobStatus } from '../orchestrator/protocol.js';
import { robotSettingsSchema } from '../store/robotSettings.js';
import { openRobot, type Robot } from './robot.js';
import type { AgentStatus } from './status.js';
import { adminApi, FINAL_JOB_STATUSES, packageBase64, tempDir, until, writeProject } from './testing/kit.js';

const ROBOT = '0b7c3a1e-aaaa-4222-8333-944455556666';
let dir: string;
let robot: Robot | null = null;
let server: Server | null = null;
let emulator: EmulatorHandle | null = null;

beforeEach(async () => {
  dir = await tempDir('robot-robust');
});
afterEach(async () => {
  await robot?.close();
  robot = null;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
  await emulator?.close();
  emulator = null;
  await rm(dir, { recursive: true, force: true });
});

function openAgent(url: string, robotGuid: string, agent: Parameters<typeof openRobot>[0]['agent'] = {}, settings: Record<string, unknown> = {}) {
  robot = openRobot({
    dataDir: path.join(dir, 'robot'),
    settings: robotSettingsSchema.parse({ orchestratorUrl: url, robotGuid, pollIntervalMs: 100, ...settings }),
    startRun,
    agent: { workingHeartbeatMs: 1000, testOnlyWorkingHeartbeatFloorMs: 1000, outboxRetryInitialMs: 50, ...agent },
  });
  return { agent: robot.agent, running: robot.agent.run() };
}

describe('robot back-off', () => {
  it('good heartbeats do not reset the back-off while consumeNextJob answers garbage', async () => {
    const hits: { path: string; at: number }[] = [];
    server = createServer((req, res) => {
      hits.push({ path: req.url ?? '', at: Date.now() });
      req.resume();
      if (req.url?.endsWith('/heartbeat')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ HeartbeatErrorCode: 0, ErrorText: '', HasNewJob: 1 }));
      } else {
        res.setHeader('content-type', 'text/html');
        res.end('<html><body>502 Bad Gateway</body></html>');
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const statuses: AgentStatus[] = [];
    const { agent, running } = openAgent(url, ROBOT, { retryInitialMs: 100, retryMaxMs: 60_000, onStatus: (s) => statuses.push(s) });
    // 100, 200, 400, 800, 1600 ms less up to 25 % jitter: a 7th attempt needs 4.7 s; resetting on each good heartbeat would make 20 or more in 3 s.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await agent.stop();
    expect(await running).toBe(0);
    const consumes = hits.filter((h) => h.path.endsWith('/consumeNextJob'));
    expect(consumes.length).toBeGreaterThanOrEqual(2);
    expect(consumes.length).toBeLessThanOrEqual(6);
    const gaps = consumes.slice(1).map((h, i) => h.at - consumes[i].at);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
    expect(statuses.some((s) => s.message.startsWith('consumeNextJob failed'))).toBe(true);
  }, 30_000);

  it('a heartbeat answering garbage backs off too', async () => {
    let heartbeats = 0;
    server = createServer((req, res) => {
      heartbeats++;
      req.resume();
      res.end('not json at all');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { agent, running } = openAgent(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, ROBOT, { retryInitialMs: 100, retryMaxMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await agent.stop();
    await running;
    // 0, 100, 300, 700, 1500 ms: five at most in 2 s.
    expect(heartbeats).toBeLessThanOrEqual(5);
  }, 30_000);
});

describe('robot jobs that fail at once, stop and never stop', () => {
  const admin = adminApi(() => emulator!.url);

  async function robotWithJobs(name: string, code: string, jobs: number) {
    emulator = await startEmulator({ port: 0, dbFile: path.join(dir, 'emulator.sqlite') });
    const robotGuid = await admin.robot('robust robot');
    const processGuid = await admin.process('Robust process');
    const projectDir = await writeProject(path.join(dir, 'projects', name), name, [
      { id: 'start', type: 'core.start' },
      { id: 'work', type: 'core.script', params: { code } },
    ], [{ from: 'start', to: 'work' }]);
    const versionGuid = await admin.packageVersion(processGuid, `${name} 1.0.0`, await packageBase64(projectDir));
    const jobGuids: string[] = [];
    for (let i = 0; i < jobs; i++) jobGuids.push(await admin.job(robotGuid, versionGuid));
    return { robotGuid, jobGuids };
  }

  const finalJob = (jobGuid: string) =>
    until(async () => {
      const job = await admin.getJob(jobGuid);
      return FINAL_JOB_STATUSES.includes(job.status) ? job : null;
    }, `job ${jobGuid} to finish`, 60_000);

  it('pauses after two jobs in a row fail at once, and says why', async () => {
    const { robotGuid, jobGuids } = await robotWithJobs('broken', "throw new Error('config.xlsx is missing')", 3);
    const statuses: AgentStatus[] = [];
    const { agent, running } = openAgent(emulator!.url, robotGuid, { retryInitialMs: 4000, retryMaxMs: 60_000, fastFailureMs: 60_000, onStatus: (s) => statuses.push(s) });
    const paused = await until(() => statuses.find((s) => s.message.includes('jobs in a row failed at once')), 'the robot to pause', 60_000);
    expect(paused.message).toMatch(/^2 jobs in a row failed at once \(last: .*\); waiting \d+\.\d s before taking the next job$/);
    // While it waits, the third job stays untaken: two consumeNextJob calls so far.
    expect((await admin.requests(robotGuid, '/api/robot/consumeNextJob')).length).toBe(2);
    expect((await admin.getJob(jobGuids[2])).status).toBe(JobStatus.Pending);
    expect((await finalJob(jobGuids[0])).status).toBe(JobStatus.Failed);
    expect((await finalJob(jobGuids[2])).status).toBe(JobStatus.Failed);
    await agent.stop();
    expect(await running).toBe(0);
  }, 120_000);

  it('a job whose block computes is Stopped (7) on code 20 — the block sees ctx.signal though it never yields', async () => {
    const { robotGuid, jobGuids } = await robotWithJobs(
      'busy',
      "log('computing'); while (!ctx.signal.aborted) { const end = Date.now() + 100; while (Date.now() < end) {} } log('noticed the stop');",
      1,
    );
    const { agent, running } = openAgent(emulator!.url, robotGuid);
    await until(async () => (await admin.logs(jobGuids[0])).some((l) => l.message === 'computing'), 'the job to compute', 60_000);
    await admin.stop(jobGuids[0]);
    const job = await finalJob(jobGuids[0]);
    expect(job.status).toBe(JobStatus.Stopped);
    expect((await admin.logs(jobGuids[0])).map((l) => l.message)).toContain('noticed the stop');
    await agent.stop();
    expect(await running).toBe(0);
  }, 120_000);

  it('a job whose block never returns is Aborted (3) when the stop grace runs out, and its log says so', async () => {
    const { robotGuid, jobGuids } = await robotWithJobs('spin', "log('spinning'); while (true) {}", 1);
    const { agent, running } = openAgent(emulator!.url, robotGuid, {}, { stopGraceMs: 1500 });
    await until(async () => (await admin.logs(jobGuids[0])).some((l) => l.message === 'spinning'), 'the job to spin', 60_000);
    await admin.stop(jobGuids[0]);
    const job = await finalJob(jobGuids[0]);
    expect(job.status).toBe(JobStatus.Aborted);
    expect(job.history.map((h) => h.status)).toEqual([JobStatus.Pending, JobStatus.InProgress, JobStatus.Stopping, JobStatus.Aborted]);
    expect((await admin.logs(jobGuids[0])).some((l) => l.message.includes('stop grace of 1.5 s'))).toBe(true);
    await agent.stop();
    expect(await running).toBe(0);
  }, 120_000);
});
