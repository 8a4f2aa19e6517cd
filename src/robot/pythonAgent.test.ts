import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobStatus } from '../orchestrator/protocol.js';
import { robotSettingsSchema } from '../store/robotSettings.js';
import { startRun } from '../engine/runner/index.js';
import { openRobot, type Robot } from './robot.js';
import { FINAL_JOB_STATUSES, until, useEmulator } from './testing/kit.js';

let robot: Robot | null = null;
const env = useEmulator('robot-py');
const admin = env.admin;

beforeEach(async () => {
});
afterEach(async () => {
  await robot?.close();
  robot = null;
});

async function scriptJob(scriptName: string, relativeFile: string, source: string) {
  const scripts = path.join(env.dir, 'scripts');
  await mkdir(path.dirname(path.join(scripts, relativeFile)), { recursive: true });
  await writeFile(path.join(scripts, relativeFile), source);
  const robotGuid = await admin.robot('py-robot');
  const processGuid = await admin.process('Python process');
  const versionGuid = await admin.scriptVersion(processGuid, scriptName);
  const jobGuid = await admin.job(robotGuid, versionGuid);
  return { scripts, robotGuid, versionGuid, jobGuid };
}

function open(robotGuid: string, scripts: string, once = false): Robot {
  robot = openRobot({
    dataDir: path.join(env.dir, 'robot'),
    settings: robotSettingsSchema.parse({ orchestratorUrl: env.emulator.url, robotGuid, scriptsDir: scripts, pollIntervalMs: 100, stopGraceMs: 10_000 }),
    startRun,
    agent: { once, workingHeartbeatMs: 1000, testOnlyWorkingHeartbeatFloorMs: 1000, retryInitialMs: 50, outboxRetryInitialMs: 50 },
  });
  return robot;
}

it('runs the script named by ProcessVersion.Name (dir\\script → dir/script.py) with the framework argument → Success', async () => {
  const source = [
    'import json, sys',
    'fields = sys.argv[1].split("|")',
    'print("version", fields[0])',
    'print("job", fields[1])',
    'settings = json.load(open(fields[-1]))',
    'print("settings job", settings["jobGuid"], settings["processVersionName"])',
    'print("a warning", file=sys.stderr)',
  ].join('\n');
  const job = await scriptJob('finance\\daily_report', 'finance/daily_report.py', source);
  const agent = open(job.robotGuid, job.scripts, true).agent;

  // --once: one pass of the seed's framework, exit when there is no more job.
  expect(await agent.run()).toBe(0);

  const finished = await admin.getJob(job.jobGuid);
  expect(finished.status).toBe(JobStatus.Success);
  expect(finished.history.map((h) => h.status)).toEqual([JobStatus.Pending, JobStatus.InProgress, JobStatus.Success]);
  const messages = (await admin.logs(job.jobGuid)).map((l) => `${l.level}: ${l.message}`);
  expect(messages).toContain(`Info: version ${job.versionGuid}`);
  expect(messages).toContain(`Info: job ${job.jobGuid}`);
  expect(messages).toContain(`Info: settings job ${job.jobGuid} finance\\daily_report`);
  expect(messages).toContain('Error: a warning');
  const settingsFile = path.join(env.dir, 'robot', 'jobs', `${job.jobGuid}.json`);
  expect(JSON.parse(await readFile(settingsFile, 'utf8'))).toMatchObject({ orchestratorUrl: env.emulator.url, robotGuid: job.robotGuid });
});

it('delivers a soft stop (code 20) to the script as a signal it handles → Stopped', async () => {
  const source = [
    'import signal, sys, time',
    'def on_stop(signum, frame):',
    '    print("stop signal received, saving work")',
    '    sys.exit(0)',
    'signal.signal(signal.SIGINT, on_stop)',
    'signal.signal(signal.SIGTERM, on_stop)',
    'print("working", flush=True)',
    'while True: time.sleep(0.05)',
  ].join('\n');
  const job = await scriptJob('long_task', 'long_task.py', source);
  const agent = open(job.robotGuid, job.scripts).agent;
  const running = agent.run();

  await until(async () => (await admin.logs(job.jobGuid)).some((l) => l.message === 'working'), 'the script to start');
  await admin.stop(job.jobGuid);
  const finished = await until(async () => {
    const state = await admin.getJob(job.jobGuid);
    return FINAL_JOB_STATUSES.includes(state.status) ? state : null;
  }, 'the job to finish');
  expect(finished.status).toBe(JobStatus.Stopped);
  const messages = (await admin.logs(job.jobGuid)).map((l) => l.message);
  expect(messages).toContain('stop signal received, saving work');
  // The Stopped status came after every log line of the job.
  const lastLogAt = (await admin.logs(job.jobGuid)).at(-1)!.at;
  expect(finished.history.at(-1)!.at >= lastLogAt).toBe(true);

  await agent.stop();
  expect(await running).toBe(0);
});

it('fails a job whose script is missing, naming the script and the folder', async () => {
  const job = await scriptJob('no\\such_script', 'other.py', 'print(1)');
  const agent = open(job.robotGuid, job.scripts, true).agent;
  expect(await agent.run()).toBe(0);
  expect((await admin.getJob(job.jobGuid)).status).toBe(JobStatus.Failed);
  const messages = (await admin.logs(job.jobGuid)).map((l) => l.message);
  expect(messages.some((m) => m.includes('No Python script for process version "no\\such_script"') && m.includes('no/such_script.py'))).toBe(true);
});
