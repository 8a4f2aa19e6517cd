import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRun } from '../engine/runner/index.js';
import { JobStatus } from '../orchestrator/protocol.js';
import { robotSettingsSchema } from '../store/robotSettings.js';
import type { AgentStatus } from './status.js';
import { openRobot, type Robot } from './robot.js';
import { FINAL_JOB_STATUSES, isAlive, loggingScenario, packageBase64, until, useEmulator, writeProject } from './testing/kit.js';

const HEARTBEAT_MS = 1000;

let robot: Robot | null = null;
let robotGuid: string;
let processGuid: string;
const env = useEmulator('robot-agent');
const admin = env.admin;

beforeEach(async () => {
  robotGuid = await admin.robot('test robot');
  processGuid = await admin.process('Test process');
});
afterEach(async () => {
  await robot?.close();
  robot = null;
});

type Project = Parameters<typeof writeProject>;
async function queueJob(name: string, blocks: Project[2], links: Project[3], variables: Project[4] = []) {
  const projectDir = await writeProject(path.join(env.dir, 'projects', name), name, blocks, links, variables);
  const versionGuid = await admin.packageVersion(processGuid, `${name} 1.0.0`, await packageBase64(projectDir));
  return { versionGuid, jobGuid: await admin.job(robotGuid, versionGuid) };
}

function startAgent(options: { once?: boolean; guid?: string; onStatus?(status: AgentStatus): void } = {}) {
  robot = openRobot({
    dataDir: path.join(env.dir, 'robot'),
    settings: robotSettingsSchema.parse({ orchestratorUrl: env.emulator.url, robotGuid: options.guid ?? robotGuid, pollIntervalMs: 100 }),
    startRun,
    agent: {
      once: options.once,
      workingHeartbeatMs: HEARTBEAT_MS,
      testOnlyWorkingHeartbeatFloorMs: HEARTBEAT_MS,
      retryInitialMs: 100,
      retryMaxMs: 400,
      outboxRetryInitialMs: 50,
      onStatus: options.onStatus,
    },
  });
  return { agent: robot.agent, running: robot.agent.run() };
}

const finalJob = (jobGuid: string) =>
  until(async () => {
    const job = await admin.getJob(jobGuid);
    return FINAL_JOB_STATUSES.includes(job.status) ? job : null;
  }, `job ${jobGuid} to finish`, 30_000);

/** The runner logs its own pid, so the test can check it is gone after an abort. */
const pidBlocks = [
  { id: 'start', type: 'core.start' },
  { id: 'pid', type: 'core.script', params: { code: "log('runner pid ' + process.pid)" } },
];

// Each test starts real runner processes; on a loaded machine that takes seconds.
describe('robot agent ↔ emulator, Cairn packages', { timeout: 90_000 }, () => {
  it('runs a job to Success: InProgress first, every log line delivered in order, the final status after them', async () => {
    const scenario = loggingScenario(20, 0);
    // `i` is an out variable: its final value is reported when the run ends.
    const { jobGuid } = await queueJob('hello', scenario.blocks, scenario.links, [{ name: 'i', type: 'number', direction: 'out' }]);
    const { running } = startAgent({ once: true });
    expect(await running).toBe(0);

    const job = await admin.getJob(jobGuid);
    expect(job.history.map((h) => h.status)).toEqual([JobStatus.Pending, JobStatus.InProgress, JobStatus.Success]);
    const logs = await admin.logs(jobGuid);
    const lines = logs.map((l) => l.message).filter((m) => m.startsWith('line '));
    expect(lines).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`));
    expect(logs.map((l) => l.message)).toContain('done');
    expect(logs.map((l) => l.message)).toContain('Output i = 19');
    expect(job.history.at(-1)!.at >= logs.at(-1)!.at).toBe(true);
    // The seed's order: heartbeat(Ready) → consumeNextJob → … → heartbeat(Ready).
    const paths = (await admin.requests(robotGuid, '')).map((r) => r.path);
    expect(paths.slice(0, 2)).toEqual(['/api/robot/heartbeat', '/api/robot/consumeNextJob']);
    expect(paths.at(-1)).toBe('/api/robot/heartbeat');
  });

  it('downloads a version once and runs later jobs of it from the cache', async () => {
    const scenario = loggingScenario(2, 0);
    const { versionGuid, jobGuid: first } = await queueJob('cached', scenario.blocks, scenario.links, scenario.variables);
    const second = await admin.job(robotGuid, versionGuid);
    const { running } = startAgent({ once: true });
    expect(await running).toBe(0);
    expect((await admin.getJob(first)).status).toBe(JobStatus.Success);
    expect((await admin.getJob(second)).status).toBe(JobStatus.Success);
    expect(await admin.requests(robotGuid, `/api/processVersion/download/${versionGuid}`)).toHaveLength(1);
  });

  it('reports a failing scenario as Failed (5) with the block that failed', async () => {
    const { jobGuid } = await queueJob(
      'failing',
      [
        { id: 'start', type: 'core.start' },
        { id: 'boom', type: 'core.throw', params: { message: 'invoice folder is empty' } },
      ],
      [{ from: 'start', to: 'boom' }],
    );
    const { running } = startAgent({ once: true });
    expect(await running).toBe(0);
    expect((await admin.getJob(jobGuid)).status).toBe(JobStatus.Failed);
    const errors = (await admin.logs(jobGuid)).filter((l) => l.level === 'Error').map((l) => l.message);
    expect(errors.some((m) => m.includes('boom') && m.includes('invoice folder is empty'))).toBe(true);
  });

  it('aborts at once on code 10: the runner process is gone, the job Aborted (3)', async () => {
    const scenario = loggingScenario(100_000, 200);
    const { jobGuid } = await queueJob('endless', [...pidBlocks, ...scenario.blocks.slice(1)], [{ from: 'start', to: 'pid' }, { from: 'pid', to: 'loop' }, ...scenario.links.slice(1)], scenario.variables);
    let abortReceived = false;
    const { agent, running } = startAgent({ onStatus: (s) => (abortReceived ||= s.message === 'Orchestrator asked to abort') });
    const pidLine = await until(async () => (await admin.logs(jobGuid)).find((l) => l.message.startsWith('runner pid ')), 'the runner to report its pid');
    const runnerPid = Number(pidLine.message.split(' ').at(-1));
    expect(isAlive(runnerPid)).toBe(true);

    await admin.abort(jobGuid);
    // Code 10 reaches the robot with its next working heartbeat; from then, the runner is gone
    // within a second.
    await until(() => abortReceived, 'the robot to receive code 10', HEARTBEAT_MS * 5);
    await until(() => !isAlive(runnerPid), 'the runner to be gone', 1000);
    const job = await finalJob(jobGuid);
    expect(job.status).toBe(JobStatus.Aborted);
    await agent.stop();
    expect(await running).toBe(0);
  });

  it('stops properly on code 20 (Stopped, 7) and never heartbeats more often than the working interval', async () => {
    const scenario = loggingScenario(100_000, 100);
    const { jobGuid } = await queueJob('long', scenario.blocks, scenario.links, scenario.variables);
    const { agent, running } = startAgent();
    await until(async () => (await admin.logs(jobGuid)).some((l) => l.message === 'line 30'), 'the job to run a while', 30_000);
    await admin.stop(jobGuid);
    const job = await finalJob(jobGuid);
    expect(job.status).toBe(JobStatus.Stopped);
    expect(job.history.map((h) => h.status)).toEqual([JobStatus.Pending, JobStatus.InProgress, JobStatus.Stopping, JobStatus.Stopped]);

    // Working heartbeats: between InProgress and the final status.
    const startedAt = job.history.find((h) => h.status === JobStatus.InProgress)!.at;
    const endedAt = job.history.at(-1)!.at;
    const working = (await admin.requests(robotGuid, '/api/robot/heartbeat')).map((r) => r.at).filter((at) => at > startedAt && at < endedAt);
    expect(working.length).toBeGreaterThanOrEqual(2);
    const gaps = working.slice(1).map((at, i) => Date.parse(at) - Date.parse(working[i]));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(HEARTBEAT_MS);

    await agent.stop();
    expect(await running).toBe(0);
  });

  it('says clearly that an unknown robot is not registered, and backs off instead of spinning', async () => {
    const unknown = '0b7c3a1e-1111-4222-8333-944455556666';
    const seen: AgentStatus[] = [];
    const { agent, running } = startAgent({ guid: unknown, onStatus: (status) => seen.push(status) });
    await until(async () => (await admin.requests(unknown, '/api/robot/heartbeat')).length >= 3, 'three heartbeat attempts');
    await agent.stop();
    expect(await running).toBe(0);

    expect(seen.some((s) => s.state === 'notRegistered' && s.message === `robot ${unknown} is not registered on ${env.emulator.url}`)).toBe(true);
    const attempts = (await admin.requests(unknown, '/api/robot/heartbeat')).map((r) => Date.parse(r.at));
    const gaps = attempts.slice(1).map((at, i) => at - attempts[i]);
    // Backoff starts at 100 ms (−25 % jitter) and doubles: never a busy loop.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(70);
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]);
  });

  it('--once exits with code 1 when the robot is unknown', async () => {
    const { running } = startAgent({ once: true, guid: '0b7c3a1e-1111-4222-8333-999999999999' });
    expect(await running).toBe(1);
  });

  it('serves orchestrator.* host services to the run and redacts a credential password from its logs', async () => {
    await admin.asset({ name: 'erp-login', type: 1, text: 'robot-user', password: 'S3cret-Pa55' });
    await admin.asset({ name: 'greeting', type: 2, text: 'hello from assets' });
    const code = [
      "const cred = await ctx.host.request('orchestrator.credentialGet', { name: 'erp-login' });",
      "const asset = await ctx.host.request('orchestrator.assetGet', { name: 'greeting' });",
      "log('asset: ' + asset.text + ', login: ' + cred.login + ', password: ' + cred.password);",
      "await ctx.host.request('orchestrator.log', { level: 'warn', message: 'via host service' });",
    ].join('\n');
    const { jobGuid } = await queueJob('services', [{ id: 'start', type: 'core.start' }, { id: 'use', type: 'core.script', params: { code } }], [{ from: 'start', to: 'use' }]);
    const { running } = startAgent({ once: true });
    expect(await running).toBe(0);
    expect((await admin.getJob(jobGuid)).status).toBe(JobStatus.Success);
    const logs = await admin.logs(jobGuid);
    const line = logs.find((l) => l.message.startsWith('asset: '))!.message;
    expect(line).toContain('asset: hello from assets, login: robot-user, password: ');
    expect(line).not.toContain('S3cret-Pa55');
    expect(logs).toContainEqual(expect.objectContaining({ level: 'Warning', message: 'via host service' }));
  });
});

it('keeps working heartbeats at least 10 s apart unless the test-only floor is set', () => {
  const settings = robotSettingsSchema.parse({ orchestratorUrl: env.emulator.url, robotGuid });
  robot = openRobot({ dataDir: path.join(env.dir, 'robot'), settings, startRun, agent: { workingHeartbeatMs: 1000 } });
  expect(robot.agent.workingHeartbeatMs).toBe(10_000);
});

describe('robot agent ↔ emulator, queues and screenshots', { timeout: 90_000 }, () => {
  it('creates, takes and completes queue tasks for the run, and sends its screenshots through the outbox', async () => {
    const queueGuid = await admin.queue('invoices');
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const code = [
      `const created = await ctx.host.request('orchestrator.taskCreate', { queueGuid: '${queueGuid}', name: 'invoice 42', parameters: { amount: 42 } });`,
      `const next = await ctx.host.request('orchestrator.taskNext', { queueGuid: '${queueGuid}' });`,
      "await ctx.host.request('orchestrator.taskSetStatus', { guid: next.guid, status: 2, comment: 'paid' });",
      "log('took ' + (next.guid === created.guid ? 'the created task' : 'another task') + ' with ' + JSON.stringify(next.parameters));",
      `await ctx.host.request('orchestrator.screenshot', { pngBase64: '${png}', note: 'after payment' });`,
    ].join('\n');
    const { jobGuid } = await queueJob('queues', [{ id: 'start', type: 'core.start' }, { id: 'work', type: 'core.script', params: { code } }], [{ from: 'start', to: 'work' }]);
    const { running } = startAgent({ once: true });
    expect(await running).toBe(0);

    expect((await admin.getJob(jobGuid)).status).toBe(JobStatus.Success);
    expect((await admin.logs(jobGuid)).map((l) => l.message)).toContain('took the created task with {"amount":42}');
    expect(await admin.tasks(queueGuid)).toEqual([expect.objectContaining({ name: 'invoice 42', status: 2, comment: 'paid' })]);
    expect(await admin.screenshots(jobGuid)).toEqual([expect.objectContaining({ note: 'after payment', size: Buffer.from(png, 'base64').length })]);
  });
});
