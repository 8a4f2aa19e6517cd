import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { startEmulator, type EmulatorHandle } from './server.js';
import { createAdminClient, type AdminClient } from './admin-client.js';
import { DEMO_ROBOT_GUID, JobStatus } from '../protocol.js';
import { unpackProject } from '../../publish/package.js';

// The emulator is strict like a real server: raw HTTP, exact answers and refusals.

let emulator: EmulatorHandle;
let admin: AdminClient;
let robot: string;
let versionGuid: string;

const basic = (guid: string): string => `Basic ${Buffer.from(guid).toString('base64')}`;

async function post(path: string, fields: Record<string, string | number>, auth?: string, method = 'POST') {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(auth ? { Authorization: auth } : {}) },
    body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  emulator = await startEmulator();
  admin = createAdminClient(emulator.url);
  robot = (await admin.addRobot('strict')).guid;
  versionGuid = (await admin.addVersion((await admin.addProcess('P')).guid, 'script')).guid;
});
afterAll(async () => {
  await emulator.close();
});

describe('authentication', () => {
  it('refuses a missing, malformed or mismatched credential with 401 and a reason', async () => {
    const missing = await post('/api/robot/heartbeat', { RobotGUID: robot, Status: 2 });
    expect(missing).toMatchObject({ status: 401, body: { ErrorCode: 401 } });
    expect(missing.body.ErrorText).toMatch(/Missing Authorization header/);
    expect((await post('/api/robot/heartbeat', { RobotGUID: robot, Status: 2 }, 'Bearer abc')).body.ErrorText).toMatch(/Basic base64/);
    const other = '11111111-2222-4333-8444-555555555555';
    const mismatch = await post('/api/robot/heartbeat', { RobotGUID: other, Status: 2 }, basic(robot));
    expect(mismatch.status).toBe(401);
    expect(mismatch.body.ErrorText).toMatch(/RobotGUID is 11111111/);
    expect((await post('/api/job/update', { guid: 'x', status: 8 }, basic(other))).status).toBe(401);
  });

  it('answers an unknown robot with code 101 on the robot calls', async () => {
    const ghost = '0badc0de-0000-4000-8000-000000000000';
    expect(await post('/api/robot/heartbeat', { RobotGUID: ghost, Status: 2 }, basic(ghost))).toMatchObject({
      status: 200,
      body: { HeartbeatErrorCode: 101, HasNewJob: 0 },
    });
    expect((await post('/api/robot/consumeNextJob', { RobotGUID: ghost }, basic(ghost))).body.ConsumeJobErrorCode).toBe(101);
  });
});

describe('robot protocol', () => {
  it('refuses bad Status and JobType values with an error code and text', async () => {
    const bad = await post('/api/robot/heartbeat', { RobotGUID: robot, Status: 7 }, basic(robot));
    expect(bad).toMatchObject({ status: 400, body: { ErrorCode: 400 } });
    expect(bad.body.ErrorText).toMatch(/Status must be one of 0, 1, 2, 3; got "7"/);
    const type = await post('/api/robot/heartbeat', { RobotGUID: robot, Status: 2, JobType: 5 }, basic(robot));
    expect(type.body.ErrorText).toMatch(/JobType must be one of 1, 2/);
  });

  it('answers consumeNextJob with Job and ProcessVersion as JSON strings', async () => {
    const { guid } = await admin.addJob(robot, versionGuid);
    const { body } = await post('/api/robot/consumeNextJob', { RobotGUID: robot }, basic(robot));
    expect(body.ConsumeJobErrorCode).toBe(0);
    expect(typeof body.Job).toBe('string');
    expect(JSON.parse(body.Job as string)).toMatchObject({ GUID: guid });
    expect(JSON.parse(body.ProcessVersion as string)).toMatchObject({ GUID: versionGuid, Name: 'script' });
    expect(JSON.parse(body.Task as string)).toBeNull();
    const again = await post('/api/robot/consumeNextJob', { RobotGUID: robot }, basic(robot));
    expect(again.body).toMatchObject({ ConsumeJobErrorCode: 102 });
  });

  it('job/update accepts PUT and POST, refuses bad statuses, foreign and finished jobs', async () => {
    const { guid } = await admin.addJob(robot, versionGuid);
    expect((await post('/api/job/update', { guid, status: 8 }, basic(robot), 'PUT')).status).toBe(200);
    expect((await post('/api/job/update', { guid, status: 8 }, basic(robot), 'POST')).status).toBe(200); // same status again: fine
    const bad = await post('/api/job/update', { guid, status: 9 }, basic(robot), 'PUT');
    expect(bad).toMatchObject({ status: 400 });
    expect(bad.body.ErrorText).toMatch(/status must be one of 0, 1, 2, 3, 4, 5, 6, 7, 8; got "9"/);
    expect((await post('/api/job/update', { guid: 'no-such-job', status: 4 }, basic(robot), 'PUT')).status).toBe(404);

    const other = (await admin.addRobot('other')).guid;
    expect((await post('/api/job/update', { guid, status: 4 }, basic(other), 'PUT')).status).toBe(403);

    expect((await post('/api/job/update', { guid, status: 4 }, basic(robot), 'PUT')).status).toBe(200);
    const late = await post('/api/job/update', { guid, status: 8 }, basic(robot), 'PUT');
    expect(late.status).toBe(409);
    expect(late.body.ErrorText).toMatch(/already Success\(4\); it cannot become InProgress\(8\)/);
    const job = await admin.job(guid);
    expect(job.history.map((h) => h.status)).toEqual([1, 8, 4]);
    expect(job.history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
  });

  it('keeps a stop or abort request against a late InProgress; abort overrides stop, not the reverse', async () => {
    const { guid } = await admin.addJob(robot, versionGuid);
    await post('/api/job/update', { guid, status: 8 }, basic(robot), 'PUT');
    expect((await admin.stopJob(guid)).status).toBe(JobStatus.Stopping);
    const late = await post('/api/job/update', { guid, status: 8 }, basic(robot), 'PUT');
    expect(late.status).toBe(409);
    expect(late.body.ErrorText).toMatch(/is Stopping\(6\); report how it ended/);
    expect((await admin.abortJob(guid)).status).toBe(JobStatus.Aborting);
    expect((await admin.stopJob(guid)).status).toBe(JobStatus.Aborting);
    expect((await post('/api/job/update', { guid, status: 3 }, basic(robot), 'PUT')).status).toBe(200);
    expect((await admin.job(guid)).history.map((h) => h.status)).toEqual([1, 8, 6, 2, 3]);
  });

  it('stopping a job no robot has started ends it at once', async () => {
    const { guid } = await admin.addJob(robot, versionGuid);
    expect((await admin.stopJob(guid)).status).toBe(JobStatus.Stopped);
    const { body } = await post('/api/robot/heartbeat', { RobotGUID: robot, Status: 2 }, basic(robot));
    expect(body).toMatchObject({ HeartbeatErrorCode: 0, HasNewJob: 0 });
  });

  it('journals every request for /admin/requests, filtered by robot and path', async () => {
    const quiet = (await admin.addRobot('journal')).guid;
    for (let i = 0; i < 3; i += 1) await post('/api/robot/heartbeat', { RobotGUID: quiet, Status: 2 }, basic(quiet));
    await post('/api/robot/consumeNextJob', { RobotGUID: quiet }, basic(quiet));
    const beats = await admin.requests({ robotGuid: quiet, path: '/api/robot/heartbeat' });
    expect(beats.count).toBe(3);
    expect(beats.requests[0]).toMatchObject({ method: 'POST', path: '/api/robot/heartbeat', robotGuid: quiet, status: 200 });
    expect((await admin.requests({ robotGuid: quiet })).count).toBe(4);
  });

  it('answers unknown calls 404 and wrong methods 405, and wants form bodies', async () => {
    expect((await post('/api/robot/nope', {}, basic(robot))).status).toBe(404);
    expect((await fetch(`${emulator.url}/api/robot/heartbeat`)).status).toBe(405);
    const json = await fetch(`${emulator.url}/api/robot/heartbeat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic(robot) },
      body: JSON.stringify({ RobotGUID: robot, Status: 2 }),
    });
    expect(json.status).toBe(415);
  });

  it('refuses a version upload without the ProcessFile', async () => {
    const form = new FormData();
    form.append('ProcessGuid', 'x');
    form.append('Name', '1.0.0');
    const key = (await admin.addApiKey('uploader')).guid;
    const response = await fetch(`${emulator.url}/api/processVersion/create`, { method: 'POST', body: form, headers: { Authorization: basic(key) } });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/ProcessFile/);
  });
});

describe('publishing calls', () => {
  it('lets API keys publish and refuses robots with 403', async () => {
    const form = new FormData();
    form.append('Name', 'P');
    const asRobot = await fetch(`${emulator.url}/api/process/create`, { method: 'POST', body: new URLSearchParams({ Name: 'P' }), headers: { Authorization: basic(robot) } });
    expect(asRobot.status).toBe(403);
    expect(await asRobot.text()).toMatch(/A robot GUID may not publish: use an API key/);
    const key = (await admin.addApiKey('publisher')).guid;
    const created = await fetch(`${emulator.url}/api/process/create`, { method: 'POST', body: new URLSearchParams({ Name: 'Listed' }), headers: { Authorization: basic(key) } });
    const { guid } = (await created.json()) as { guid: string };
    await admin.addVersion(guid, 'v1', Buffer.from('PK fake'));
    await admin.addVersion(guid, 'v2', Buffer.from('PK fake 2'));
    const list = await fetch(`${emulator.url}/api/processVersion/list/${guid}`, { headers: { Authorization: basic(key) } });
    expect(((await list.json()) as { name: string; process_guid: string }[]).map((v) => [v.name, v.process_guid])).toEqual([
      ['v1', guid],
      ['v2', guid],
    ]);
    expect((await fetch(`${emulator.url}/api/processVersion/list/no-such`, { headers: { Authorization: basic(key) } })).status).toBe(404);
  });

  it('lists assets without passwords', async () => {
    await admin.addAsset({ name: 'zz-login', type: 'Credentials', text: 'robo', password: 'Pa$$-secret' });
    await admin.addAsset({ name: 'zz-rate', type: 'Text', text: '91.5' });
    const response = await fetch(`${emulator.url}/api/asset/read`, { headers: { Authorization: basic(robot) } });
    const text = await response.text();
    expect(text).not.toContain('Pa$$-secret');
    const assets = JSON.parse(text) as { name: string; type: number; text: string; password: null }[];
    expect(assets.filter((a) => a.name.startsWith('zz-'))).toMatchObject([
      { name: 'zz-login', type: 1, text: 'robo', password: null },
      { name: 'zz-rate', type: 2, text: '91.5', password: null },
    ]);
    const adminList = await (await fetch(`${emulator.url}/admin/assets`)).text();
    expect(adminList).not.toContain('Pa$$-secret');
    expect(adminList).toContain('"has_password":1');
  });
});

describe('log write times (Cairn extension)', () => {
  it('keeps the time the robot wrote a line beside the time it arrived; refuses a time that is not one', async () => {
    const { guid } = await admin.addJob(robot, versionGuid);
    const written = '2026-01-31T09:15:00.000Z';
    expect((await post('/api/log/create', { RobotGUID: robot, JobGUID: guid, Level: 'Info', Message: 'late', Time: written }, basic(robot))).status).toBe(200);
    expect((await post('/api/log/create', { RobotGUID: robot, JobGUID: guid, Level: 'Info', Message: 'untimed' }, basic(robot))).status).toBe(200);
    const bad = await post('/api/log/create', { RobotGUID: robot, JobGUID: guid, Level: 'Info', Message: 'x', Time: 'yesterday' }, basic(robot));
    expect(bad.status).toBe(400);
    expect(bad.body.ErrorText).toMatch(/Time must be an ISO 8601 date and time/);
    const { logs } = await admin.logs(guid);
    expect(logs.map((l) => [l.message, l.written_at])).toEqual([
      ['late', written],
      ['untimed', null],
    ]);
    expect(Date.parse(logs[0].at)).toBeGreaterThan(Date.parse(written));
  });
});

describe('request bodies', () => {
  it('refuses a form over 20 MB sent without a length with 413, and the connection still answers', async () => {
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const target = new URL('/api/log/create', emulator.url);
    const send = (body: () => AsyncGenerator<Buffer> | string, chunked: boolean) =>
      new Promise<{ status: number; text: string }>((done, failed) => {
        const headers: Record<string, string> = { Authorization: basic(robot), 'Content-Type': 'application/x-www-form-urlencoded' };
        if (chunked) headers['Transfer-Encoding'] = 'chunked';
        const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', failed);
        const source = body();
        if (typeof source === 'string') req.end(source);
        else
          void (async () => {
            for await (const chunk of source) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
            req.end();
          })().catch(failed);
      });
    const mb = Buffer.alloc(1024 * 1024, 'a');
    const tooBig = await send(async function* () {
      yield Buffer.from('Level=Info&Message=');
      for (let i = 0; i < 21; i++) yield mb;
    }, true);
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.text)).toMatchObject({ ErrorCode: 413, ErrorText: expect.stringMatching(/over the 20971520-byte limit/) });
    const next = await send(() => `RobotGUID=${robot}&Level=Info&Message=after`, false);
    expect(next.status).toBe(200);
    agent.destroy();
  });
});

describe('the web page', () => {
  it('serves the page and its script at / on loopback', async () => {
    const page = await fetch(`${emulator.url}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<script src="\/ui\/page\.js"><\/script>/);
    const script = await (await fetch(`${emulator.url}/ui/page.js`)).text();
    // The script is the page function's own source: it must parse as plain browser JavaScript.
    expect(() => new Script(script)).not.toThrow();
    expect(script).toContain('Эмулятор оркестратора Cairn');
  });
});

describe('demo seed and persistence', () => {
  it('seeds a new database once, with the demo robot, a packed sample and a Pending job, and keeps data across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-emu-'));
    const dbFile = join(dir, 'orchestrator.sqlite');
    try {
      const first = await startEmulator({ dbFile, seedDemo: true });
      expect(first.demo?.robotGuid).toBe(DEMO_ROBOT_GUID);
      const jobs = await createAdminClient(first.url).jobs(DEMO_ROBOT_GUID);
      expect(jobs.jobs).toMatchObject([{ status: JobStatus.Pending, version_guid: first.demo?.versionGuid }]);
      const pkg = await fetch(`${first.url}/api/processVersion/download/${first.demo?.versionGuid}`, { headers: { Authorization: basic(DEMO_ROBOT_GUID) } });
      const files = await unpackProject(Buffer.from(await pkg.arrayBuffer()), join(dir, 'demo'));
      expect(files).toContain('cairn.project.json');
      await first.close();

      const second = await startEmulator({ dbFile, seedDemo: true });
      expect(second.demo).toBeNull();
      expect((await createAdminClient(second.url).jobs(DEMO_ROBOT_GUID)).count).toBe(1);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
