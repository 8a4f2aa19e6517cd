import { createServer, type Server } from 'node:http';
import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { startRun } from '../engine/runner/index.js';
import { JobType } from '../orchestrator/protocol.js';
import { openAppStore, type AppStore } from '../store/appStore.js';
import { createDeskRobot, type DeskRobot, type DeskRunOptions } from './desk.js';
import { loggingScenario, until, useEmulator, writeProject } from './testing/kit.js';

let store: AppStore;
let desk: DeskRobot | null = null;
let proxy: Server | null = null;
const env = useEmulator('desk');
const admin = env.admin;

beforeEach(async () => {
  store = openAppStore(path.join(env.dir, 'app.sqlite'));
});
afterEach(async () => {
  await desk?.close();
  desk = null;
  store.close();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  proxy = null;
});

/** An Orchestrator in front of the emulator that refuses Cairn's attended extension (JobType 2). */
async function refusingJobType2(): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url?.endsWith('/api/robot/heartbeat') && new URLSearchParams(body.toString()).get('JobType') === '2') {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ErrorCode: 400, ErrorText: 'JobType must be 1.' }));
        return;
      }
      void fetch(`${env.emulator.url}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === 'GET' ? undefined : body }).then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  proxy = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function runOptions(overrides: Partial<DeskRunOptions> = {}): Promise<DeskRunOptions> {
  const scenario = loggingScenario(5, 50);
  const projectDir = await writeProject(path.join(env.dir, 'chatty'), 'chatty', scenario.blocks, scenario.links, scenario.variables);
  const process = store.assistant.upsertProcess({ id: 'p', kind: 'project', path: projectDir, name: 'Chatty', description: '', processGuid: null, versionGuid: null, versionName: null });
  return { process, target: projectDir, args: {}, maskedArgs: {}, services: () => ({}), stepTitle: (id) => id, createJobRecord: true, screenshotOnCrash: false, ...overrides };
}

const emulatorLogs = async (robotGuid: string) => {
  const { logs } = (await (await fetch(`${env.emulator.url}/admin/logs`)).json()) as { logs: { robot_guid: string; job_guid: string; message: string }[] };
  return logs.filter((l) => l.robot_guid === robotGuid);
};

const open = (url: string, robotGuid: string, captureScreen?: () => Promise<Buffer>) => {
  desk = createDeskRobot({ store, dataDir: env.dir, startRun, pollIntervalMs: 200, workingHeartbeatMs: 200, testOnlyWorkingHeartbeatFloorMs: 200, outboxRetryMaxMs: 200, captureScreen });
  desk.configure({ url, robotGuid, insecureTls: false });
  return desk;
};

describe('the desk robot', () => {
  it('falls back to logs only, and says so once, when the Orchestrator refuses attended-run reports', async () => {
    const robotGuid = await admin.robot('desk');
    const robot = open(await refusingJobType2(), robotGuid);
    await until(() => robot.connection().state === 'connected', 'the connection');
    const run = robot.start(await runOptions());
    expect(await run.done).toBe('success');
    await until(async () => robot.connection().backlog === 0 && (await emulatorLogs(robotGuid)).some((l) => l.message === 'line 4'), 'the logs to arrive');
    const messages = (await emulatorLogs(robotGuid)).map((l) => l.message);
    expect(messages.filter((m) => m.includes('does not accept attended-run reports'))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('line '))).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    expect(robot.connection().attendedRefused).toBe(true);
    expect(store.assistant.run(run.runGuid)).toMatchObject({ result: 'success', reported: true });
  }, 60_000);

  it('reports each local run as a job record only when asked to', async () => {
    const robotGuid = await admin.robot('desk');
    const robot = open(env.emulator.url, robotGuid);
    await until(() => robot.connection().state === 'connected', 'the connection');
    const withRecord = robot.start(await runOptions());
    await withRecord.done;
    const withoutRecord = robot.start(await runOptions({ createJobRecord: false }));
    await withoutRecord.done;
    await until(async () => robot.connection().backlog === 0, 'the outbox to drain');
    const { jobs } = (await (await fetch(`${env.emulator.url}/admin/jobs?robotGuid=${robotGuid}`)).json()) as { jobs: { guid: string; job_type: number; status: number }[] };
    expect(jobs.map((j) => [j.guid, j.job_type, j.status])).toEqual([[withRecord.runGuid, JobType.Attended, 4]]);
    expect((await emulatorLogs(robotGuid)).filter((l) => l.job_guid === withoutRecord.runGuid && l.message.startsWith('line '))).toHaveLength(5);
  }, 60_000);

  it('attaches a screenshot of the screen to a failed run when asked to, and refuses a second run while one goes', async () => {
    const robotGuid = await admin.robot('desk');
    // A 1×1 PNG stands in for the screen: this machine may have no display to capture.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3f6a4d20000000049454e44ae426082', 'hex');
    const robot = open(env.emulator.url, robotGuid, async () => png);
    const options = await runOptions({ screenshotOnCrash: true });
    const failing = await writeProject(path.join(env.dir, 'fails'), 'fails', [{ id: 'start', type: 'core.start' }, { id: 'boom', type: 'core.throw', params: { message: 'no invoices' } }], [{ from: 'start', to: 'boom' }]);
    const run = robot.start({ ...options, target: failing });
    expect(() => robot.start(options)).toThrow(/busy with "Chatty"/);
    expect(await run.done).toBe('failed');
    expect(store.assistant.run(run.runGuid)).toMatchObject({ result: 'failed', errorMessage: expect.stringContaining('no invoices'), screenshots: 1 });
    await until(async () => (await admin.screenshots(run.runGuid)).length === 1, 'the screenshot in the Orchestrator');
  }, 60_000);

  it('keeps a screenshot of the page when a web block fails (real Chromium), sends it when asked, and leaves no file behind', async () => {
    const robotGuid = await admin.robot('desk');
    // The runner (forked from this process) writes its failure screenshots here.
    const shots = path.join(env.dir, 'failure-shots');
    process.env.CAIRN_FAILURE_SCREENSHOT_DIR = shots;
    onTestFinished(() => {
      delete process.env.CAIRN_FAILURE_SCREENSHOT_DIR;
    });
    // No screen capture at all: the picture must come from the page itself.
    const robot = open(env.emulator.url, robotGuid, async () => {
      throw new Error('no screen here');
    });
    const options = await runOptions({ screenshotOnCrash: true });
    const page = `data:text/html,${encodeURIComponent('<h1>Invoices</h1><button>Save</button>')}`;
    const failing = await writeProject(
      path.join(env.dir, 'web-fails'),
      'web-fails',
      [
        { id: 'start', type: 'core.start' },
        { id: 'open', type: 'web.openBrowser', params: { url: page, executablePath: process.env.CAIRN_CHROMIUM ?? '/usr/bin/chromium' } },
        { id: 'click', type: 'web.click', params: { selector: 'text=Send to bank', timeoutMs: 500 } },
      ],
      [
        { from: 'start', to: 'open' },
        { from: 'open', to: 'click' },
      ],
    );
    const run = robot.start({ ...options, target: failing });
    expect(await run.done).toBe('failed');
    expect(store.assistant.run(run.runGuid)).toMatchObject({ result: 'failed', errorStep: 'click', screenshots: 1 });
    const [shot] = store.assistant.screenshotsOf(run.runGuid);
    expect(shot.note).toBe('The page when the web block failed');
    // A real PNG of a real page (bigger than a blank 1×1), not the screen.
    const png = Buffer.from(shot.pngBase64, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(1000);
    await until(async () => (await admin.screenshots(run.runGuid)).length === 1, 'the page screenshot in the Orchestrator');
    // The runner did write the file (the folder exists), and the Assistant took it away.
    expect(await readdir(shots)).toEqual([]);
  }, 90_000);
});
