import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { makeScenario } from '../engine/testing/scenarios.js';
import { until } from '../testing/until.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cairn = join(root, 'bin/cairn.js');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Alive and not a zombie. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}


function start(command: string, args: string[], options: { detached?: boolean } = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' }, detached: options.detached });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, exited, output: () => out };
}

/** A scenario that reports the runner's pid and a tracked `sleep` it started, then waits. */
async function waitingScenario(dir: string): Promise<string> {
  const file = join(dir, 'wait.scenario.json');
  const doc = makeScenario({
    name: 'wait',
    blocks: [
      { id: 'start', type: 'core.start' },
      {
        id: 'spawn',
        type: 'core.script',
        params: { code: "const c = require('node:child_process').spawn('sleep', ['1000'], { detached: true, stdio: 'ignore' }); ctx.trackProcess(c.pid); log('pids ' + process.pid + ' ' + c.pid);" },
      },
      { id: 'wait', type: 'core.delay', params: { ms: 600_000 } },
    ],
    links: [['start', 'spawn'], ['spawn', 'wait']],
  });
  await writeFile(file, JSON.stringify(doc));
  return file;
}

describe('ending quietly and taking children along', () => {
  it('cairn docs | head ends without an EPIPE stack trace', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cairn}" docs | head -1`], { cwd: root, encoding: 'utf8' });
    expect(result.stdout).toMatch(/^# /);
    expect(result.stderr).toBe('');
  }, 60_000);

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} to cairn designer closes it, and the run it started ends with its runner and processes`, async () => {
      const data = await mkdtemp(join(tmpdir(), 'cairn-shutdown-'));
      cleanups.push(() => rm(data, { recursive: true, force: true }));
      const scenario = await waitingScenario(data);
      const designer = start(process.execPath, [cairn, 'designer', '--data', data]);
      const page = new URL(await until(() => /Cairn Designer: (\S+)/.exec(designer.output())?.[1], 'the URL'));
      const ws = new WebSocket(`ws://${page.host}/api?token=${page.searchParams.get('token')}`, { origin: page.origin });
      cleanups.push(() => ws.terminate());
      const logs: string[] = [];
      ws.on('message', (raw: Buffer) => {
        const message = JSON.parse(raw.toString()) as { event?: string; payload?: { event?: { type: string; message?: string } } };
        const event = message.payload?.event;
        if (event?.type === 'log' && event.message) logs.push(event.message);
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      ws.send(JSON.stringify({ id: 1, command: 'run.start', args: { path: scenario } }));
      const line = await until(() => logs.find((l) => l.startsWith('pids ')), 'the run to report its pids');
      const [runner, sleeper] = line.split(' ').slice(1).map(Number);
      expect(alive(runner) && alive(sleeper)).toBe(true);
      designer.child.kill(signal);
      expect(await designer.exited).toBe(0);
      await until(() => !alive(runner) && !alive(sleeper), 'the runner and its process to end', 10_000);
    }, 120_000);
  }

  it('killing npm start (SIGTERM to npm) ends the host: the port stops answering', async () => {
    const data = await mkdtemp(join(tmpdir(), 'cairn-npmstart-'));
    cleanups.push(() => rm(data, { recursive: true, force: true }));
    const npm = start('npm', ['start', '--', '--no-open', '--data', data]);
    const url = new URL(await until(() => /browser mode at (\S+)/.exec(npm.output())?.[1], 'the host URL', 90_000));
    expect((await fetch(url)).status).toBe(200);
    npm.child.kill('SIGTERM');
    await npm.exited;
    // npm runs start.js under `sh -c`; it notices its parent is gone and closes.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const answered = await fetch(url).then(() => true, () => false);
      if (!answered) break;
      if (Date.now() > deadline) throw new Error('the host still serves after npm start was killed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 150_000);
});
