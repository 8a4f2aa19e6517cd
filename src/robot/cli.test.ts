import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { JobStatus } from '../orchestrator/protocol.js';
import { loggingScenario, packageBase64, until, useEmulator, writeProject } from './testing/kit.js';

const cairn = fileURLToPath(new URL('../../bin/cairn.js', import.meta.url));

const env = useEmulator('robot-cli');
const admin = env.admin;

beforeEach(async () => {
});
afterEach(async () => {
});

// Ctrl+C, and the terminal closing (SIGHUP): the same clean stop.
for (const signal of ['SIGINT', 'SIGHUP'] as const)
it(`cairn robot shows its state on one line, and ${signal} soft-stops the running job before exiting cleanly`, async () => {
  const robotGuid = await admin.robot('cli robot');
  const processGuid = await admin.process('CLI process');
  const scenario = loggingScenario(100_000, 100);
  const projectDir = await writeProject(path.join(env.dir, 'project'), 'cli', scenario.blocks, scenario.links, scenario.variables);
  const versionGuid = await admin.packageVersion(processGuid, 'cli 1.0.0', await packageBase64(projectDir));
  const jobGuid = await admin.job(robotGuid, versionGuid);

  const child = spawn(process.execPath, [cairn, 'robot', '--orchestrator', env.emulator.url, '--guid', robotGuid, '--data', path.join(env.dir, 'data'), '--poll-interval', '0.2'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await until(async () => (await admin.logs(jobGuid)).some((l) => l.message === 'line 3'), 'the job to run', 60_000);
    await until(() => output.includes(`working · job cli 1.0.0 (${jobGuid})`), 'the status line');
    child.kill(signal);
    expect(await exit).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  const job = await admin.getJob(jobGuid);
  expect(job.status).toBe(JobStatus.Stopped);
  expect((await admin.logs(jobGuid)).some((l) => l.message === 'The robot operator asked the job to stop')).toBe(true);
  expect(output).toMatch(/stopped · .*outbox 0/);
}, 120_000);

it('cairn robot refuses to start without an Orchestrator and a GUID the first time', async () => {
  const child = spawn(process.execPath, [cairn, 'robot', '--data', path.join(env.dir, 'empty')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  expect(code).toBe(2);
  expect(errors).toContain('the first start needs --orchestrator URL and --guid GUID');
}, 60_000);
