import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBrowser } from '../web/browser.js';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import { getAsset, getCredential, setAsset } from './assets.js';
import { sendLog } from './log.js';
import { screenshot } from './screenshot.js';
import { captureScreen, isPng } from './lib/screen.js';
import { addTask, setTaskStatus, takeTask } from './tasks.js';
import { startRobotHost, TINY_PNG, type RobotHost } from '../../robot/testing/robotHost.js';

let robot: RobotHost;
let h: Harness;
beforeAll(async () => {
  robot = await startRobotHost();
  await robot.admin.addAsset({ name: 'rate', type: 'Text', text: '91.5' });
  await robot.admin.addAsset({ name: 'bank', type: 'Credentials', text: 'robot-login', password: 'Bank-Pa$$-42' });
});
afterAll(() => robot.close());
beforeEach(async () => {
  h = await createHarness();
  h.ctx.host = { request: robot.request };
});
afterEach(() => h.close());

describe('global variables and credentials', () => {
  it('reads a Text asset, writes a new value and reads it back', async () => {
    expect(await h.run(getAsset, { name: 'rate' })).toEqual({ outputs: { value: '91.5' } });
    await h.run(setAsset, { name: 'rate', value: { usd: 92 } });
    expect(await h.run(getAsset, { name: 'rate' })).toEqual({ outputs: { value: '{"usd":92}' } });
  });

  it('gives login and password of a credential, the password masked from then on', async () => {
    expect(await h.run(getCredential, { name: 'bank' })).toEqual({ outputs: { login: 'robot-login', password: 'Bank-Pa$$-42' } });
    h.ctx.log('info', 'logging in with Bank-Pa$$-42');
    expect(h.logs.at(-1)?.message).not.toContain('Bank-Pa$$-42');
  });

  it('names the cause: asset not found, wrong asset type, empty name', async () => {
    await expectBlockError(h.run(getAsset, { name: 'no-such-asset' }), /Reading Orchestrator asset "no-such-asset" failed: .*not found/i, 'NOT_FOUND');
    await expectBlockError(h.run(setAsset, { name: 'no-such-asset', value: 'x' }), /not found/i, 'NOT_FOUND');
    await expectBlockError(h.run(getAsset, { name: 'bank' }), /holds credentials: read it with "Get credential"/, 'WRONG_ASSET_TYPE');
    await expectBlockError(h.run(getCredential, { name: 'rate' }), /not a Credentials asset/);
    await expectBlockError(h.run(getAsset, { name: ' ' }), /"name"/, 'BAD_INPUT');
  });
});

describe('queues', () => {
  it('adds a task, takes it with its parameters and reports its status', async () => {
    const { guid: queue } = await robot.admin.addQueue('invoices');
    const added = await h.run(addTask, { queue, name: 'invoice 42', parameters: { amount: 42 }, deadline: new Date('2026-12-01T00:00:00Z'), retries: 2 });
    const guid = added?.outputs?.guid;
    expect(guid).toEqual(expect.any(String));
    expect(await h.run(takeTask, { queue })).toEqual({ port: 'next', outputs: { guid, name: 'invoice 42', parameters: { amount: 42 } } });
    await h.run(setTaskStatus, { guid, status: 'FailedBusiness', comment: 'amount over limit' });
    expect(await robot.admin.tasks(queue)).toEqual([expect.objectContaining({ name: 'invoice 42', status: 4, comment: 'amount over limit' })]);
    expect(await h.run(takeTask, { queue })).toEqual({ port: 'empty' });
  });

  it('names the cause: unknown status, bad deadline, unknown task', async () => {
    const { guid: queue } = await robot.admin.addQueue('bad input');
    await expectParamError(h.run(setTaskStatus, { guid: 'x', status: 'Done' }), 'status', /must be one of New, InProgress, Success.*, got "Done"/);
    await expectBlockError(h.run(addTask, { queue, name: 't', deadline: 'next week' }), /"deadline" "next week" is not a date/, 'BAD_INPUT');
    await expectBlockError(h.run(addTask, { queue, name: 't', retries: -1 }), /"retries"/, 'BAD_INPUT');
    await expectBlockError(h.run(setTaskStatus, { guid: '00000000-0000-0000-0000-000000000000', status: 'Success' }), /Setting task .* failed/);
  });
});

describe('log lines and screenshots go to the job journal (the robot outbox)', () => {
  it('sends log lines with their level; objects as JSON', async () => {
    await h.run(sendLog, { message: 'invoice 42 paid', level: 'warn' });
    await h.run(sendLog, { message: { paid: 3 }, level: 'critical' });
    expect(robot.outbox.filter((i) => i.kind === 'log').map((i) => i.kind === 'log' && [i.level, i.message])).toEqual([
      ['Warning', 'invoice 42 paid'],
      ['Critical', '{"paid":3}'],
    ]);
    await expectParamError(h.run(sendLog, { message: 'x', level: 'loud' }), 'level', /must be one of .*, got "loud"/);
    await expectBlockError(h.run(sendLog, { message: '' }), /"message" is empty/, 'BAD_INPUT');
  });

  it('sends a PNG file, and refuses a file that is not a PNG', async () => {
    await writeFile(join(h.projectDir, 'shot.png'), TINY_PNG);
    await writeFile(join(h.projectDir, 'notes.txt'), 'not a picture');
    expect(await h.run(screenshot, { source: 'file', path: 'shot.png', note: 'after login' })).toEqual({ outputs: { bytes: TINY_PNG.length } });
    expect(robot.outbox.at(-1)).toMatchObject({ kind: 'screenshot', note: 'after login', pngBase64: TINY_PNG.toString('base64') });
    await expectBlockError(h.run(screenshot, { source: 'file', path: 'notes.txt' }), /is not a PNG picture/, 'BAD_INPUT');
    await expectBlockError(h.run(screenshot, { source: 'file', path: 'missing.png' }), /cannot be read/, 'NOT_FOUND');
  });

  it('automatic source takes the open web page (real Chromium)', async () => {
    const page = `data:text/html,<h1 style="font-size:80px">Invoice 42</h1>`;
    await h.run(openBrowser, { url: page, executablePath: '/usr/bin/chromium' });
    const result = await h.run(screenshot, { note: 'the page' });
    const sent = robot.outbox.at(-1);
    expect(sent?.kind === 'screenshot' && isPng(Buffer.from(sent.pngBase64, 'base64'))).toBe(true);
    expect(result?.outputs?.bytes).toBeGreaterThan(1000);
  }, 60_000);

  it('takes the screen with the first installed tool whose output is really a PNG', async () => {
    // Two screenshot tools as a desktop would have them: ImageMagick's `import` here only
    // pretends (writes text, like a stand-in), `scrot` writes a PNG to the path it is given.
    const bin = join(h.projectDir, 'bin');
    await mkdir(bin);
    await writeFile(join(h.projectDir, 'screen.png'), TINY_PNG);
    await writeFile(join(bin, 'import'), `#!/bin/sh\necho "not an image" > "$3"\n`, { mode: 0o755 });
    await writeFile(join(bin, 'scrot'), `#!/bin/sh\n/bin/cp "${join(h.projectDir, 'screen.png')}" "$2"\n`, { mode: 0o755 });
    expect(await captureScreen(h.ctx, 'linux', { DISPLAY: ':0', PATH: bin })).toEqual(TINY_PNG);
    await rm(join(bin, 'scrot'));
    await expectBlockError(captureScreen(h.ctx, 'linux', { DISPLAY: ':0', PATH: bin }), /Could not capture the screen: import wrote no PNG/, 'NO_SCREEN');
  });

  it('fails clearly when there is no screen to capture', async () => {
    await expectBlockError(captureScreen(h.ctx, 'linux', {}), /No screen to capture: this run has no display/, 'NO_SCREEN');
    await expectBlockError(captureScreen(h.ctx, 'linux', { DISPLAY: ':0', PATH: h.projectDir }), /none of import, scrot, gnome-screenshot is installed/, 'NO_SCREEN');
    await expectBlockError(h.run(screenshot, { source: 'browser' }), /No browser is open/, 'NO_BROWSER');
  });
});

describe('a run without an Orchestrator', () => {
  it('fails every Orchestrator block with a clear message', async () => {
    const bare = await createHarness();
    try {
      await expectBlockError(bare.run(getAsset, { name: 'rate' }), /need a run started by a robot connected to an Orchestrator/, 'NO_ORCHESTRATOR');
      await expectBlockError(bare.run(sendLog, { message: 'x' }), /need a run started by a robot/, 'NO_ORCHESTRATOR');
    } finally {
      await bare.close();
    }
  });
});
