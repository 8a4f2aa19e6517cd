import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../orchestrator/emulator/server.js';
import { JobStatus } from '../orchestrator/protocol.js';
import { openAppStore } from '../store/appStore.js';
import { appDatabaseFile } from './robot.js';
import { adminApi, isAlive, loggingScenario, packageBase64, tempDir, until, writeProject } from './testing/kit.js';

const cairn = fileURLToPath(new URL('../../bin/cairn.js', import.meta.url));

let dir: string;
let emulator: EmulatorHandle;
const children: ChildProcess[] = [];
const strayPids: number[] = [];
const admin = adminApi(() => emulator.url);

beforeEach(async () => {
  dir = await tempDir('robot-crash');
  emulator = await startEmulator({ port: 0, dbFile: path.join(dir, 'emulator.sqlite') });
});
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // The runner of the killed robot leads its own process group; end it too.
  for (const pid of strayPids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

function robotProcess(args: string[]): { child: ChildProcess; exit: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [cairn, 'robot', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

it('reports a job Failed with the reason after the robot was killed mid-job, once its logs are delivered', async () => {
  const robotGuid = await admin.robot('crashing robot');
  const processGuid = await admin.process('Crash process');
  const scenario = loggingScenario(100_000, 100);
  const blocks = [scenario.blocks[0], { id: 'pid', type: 'core.script', params: { code: "log('runner pid ' + process.pid)" } }, ...scenario.blocks.slice(1)];
  const links = [{ from: 'start', to: 'pid' }, { from: 'pid', to: 'loop' }, ...scenario.links.slice(1)];
  const projectDir = await writeProject(path.join(dir, 'project'), 'crash', blocks, links, scenario.variables);
  const versionGuid = await admin.packageVersion(processGuid, 'crash 1.0.0', await packageBase64(projectDir));
  const jobGuid = await admin.job(robotGuid, versionGuid);
  const data = path.join(dir, 'robot-data');

  const first = robotProcess(['--orchestrator', emulator.url, '--guid', robotGuid, '--data', data, '--poll-interval', '0.2']);
  const pidLine = await until(async () => (await admin.logs(jobGuid)).find((l) => l.message.startsWith('runner pid ')), 'the job to start', 60_000);
  strayPids.push(Number(pidLine.message.split(' ').at(-1)));
  await until(async () => (await admin.logs(jobGuid)).some((l) => l.message === 'line 5'), 'the job to log a while');
  // The Orchestrator goes away first, so the robot dies with undelivered lines in its outbox.
  const port = emulator.port;
  await emulator.close();
  const store = openAppStore(appDatabaseFile(data));
  try {
    await until(() => store.outbox.backlog(robotGuid) >= 10, 'undelivered lines to pile up');
  } finally {
    store.close();
  }
  first.child.kill('SIGKILL');
  await first.exit;
  emulator = await startEmulator({ port, dbFile: path.join(dir, 'emulator.sqlite') });
  expect((await admin.getJob(jobGuid)).status).toBe(JobStatus.InProgress);
  // The orphaned runner has nobody to report to; end it so it cannot log further.
  for (const pid of strayPids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
  await until(() => strayPids.every((pid) => !isAlive(pid)), 'the orphaned runner to end');

  // Settings were saved by the first start: no flags needed but --once.
  const second = robotProcess(['--once', '--data', data]);
  expect(await second.exit).toBe(0);

  const job = await admin.getJob(jobGuid);
  expect(job.status).toBe(JobStatus.Failed);
  const logs = await admin.logs(jobGuid);
  const last = logs.at(-1)!;
  expect(last.level).toBe('Error');
  expect(last.message).toMatch(/robot stopped while running .*killed or crashed/);
  const lines = logs.map((l) => l.message).filter((m) => m.startsWith('line '));
  // Every line the first robot wrote to its outbox arrived, once each, in order — the ones it
  // could not deliver before it died included.
  expect(lines.length).toBeGreaterThanOrEqual(15);
  expect(lines).toEqual(Array.from({ length: lines.length }, (_, i) => `line ${i}`));
  expect(job.history.at(-1)!.at >= last.at).toBe(true);
}, 120_000);

it('ends a Python script the killed robot left running, then reports its job Failed', async () => {
  const robotGuid = await admin.robot('crashing python robot');
  const processGuid = await admin.process('Python crash process');
  const scripts = path.join(dir, 'scripts');
  await mkdir(scripts, { recursive: true });
  await writeFile(path.join(scripts, 'forever.py'), ['import os, time', 'print("script pid", os.getpid(), flush=True)', 'while True: time.sleep(0.1)'].join('\n'));
  const versionGuid = await admin.scriptVersion(processGuid, 'forever');
  const jobGuid = await admin.job(robotGuid, versionGuid);
  const data = path.join(dir, 'robot-data');

  const first = robotProcess(['--orchestrator', emulator.url, '--guid', robotGuid, '--data', data, '--scripts-dir', scripts, '--poll-interval', '0.2']);
  const pidLine = await until(async () => (await admin.logs(jobGuid)).find((l) => l.message.startsWith('script pid ')), 'the script to start', 60_000);
  const scriptPid = Number(pidLine.message.split(' ').at(-1));
  strayPids.push(scriptPid);
  first.child.kill('SIGKILL');
  await first.exit;
  // Its own process group keeps the script alive without the robot.
  expect(isAlive(scriptPid)).toBe(true);

  const second = robotProcess(['--once', '--data', data]);
  expect(await second.exit).toBe(0);
  await until(() => !isAlive(scriptPid), 'the leftover script to be ended', 5000);
  expect((await admin.getJob(jobGuid)).status).toBe(JobStatus.Failed);
  const messages = (await admin.logs(jobGuid)).map((l) => l.message);
  expect(messages).toContain(`Its script ${path.join(scripts, 'forever.py')} (pid ${scriptPid}) was still running without the robot and was ended.`);
}, 120_000);
