import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ROBOT_GUID } from '../../orchestrator/protocol.js';
import { until } from '../../testing/until.js';

// `cairn orchestrator` as a user runs it: a real process, real HTTP, Ctrl+C (SIGINT) to stop.

const cairn = fileURLToPath(new URL('../../../bin/cairn.js', import.meta.url));


describe('cairn orchestrator', () => {
  it('prints its URL and the demo robot, logs requests, and exits 0 on Ctrl+C', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-cli-orch-'));
    const dbFile = join(dir, 'orch.sqlite');
    const child = spawn(process.execPath, [cairn, 'orchestrator', '--port', '0', '--db', dbFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until(() => /Press Ctrl\+C/.test(out), 'the emulator to start');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(out).toContain(`demo robot GUID: ${DEMO_ROBOT_GUID}`);

      const response = await fetch(`${url}/api/robot/heartbeat`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(DEMO_ROBOT_GUID).toString('base64')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: `RobotGUID=${DEMO_ROBOT_GUID}&Status=2`,
      });
      expect(await response.json()).toEqual({ HeartbeatErrorCode: 0, ErrorText: '', HasNewJob: 1 });
      await until(() => out.includes('POST /api/robot/heartbeat 200'), 'the request to be logged');

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('Stopping the Orchestrator emulator');
      expect((await stat(dbFile)).size).toBeGreaterThan(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad port with exit code 2', async () => {
    const child = spawn(process.execPath, [cairn, 'orchestrator', '--port', 'abc'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/--port must be a number from 0 to 65535, got "abc"/);
  });
});
