import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

const startScript = fileURLToPath(new URL('../../scripts/start.js', import.meta.url));

function status(url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('npm start without Electron', () => {
  it('says so in one line and serves the Designer in browser mode until Ctrl+C', async () => {
    const data = await mkdtemp(join(tmpdir(), 'cairn-start-'));
    // Linux without a display: Electron cannot run, whatever is installed. Elsewhere, ask for it.
    const linux = process.platform === 'linux';
    const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const args = [startScript, '--no-open', '--data', data, ...(linux ? [] : ['--browser'])];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 50_000; // may build the renderer first
      let line: RegExpExecArray | null;
      while (
        !(line = /^Electron binary unavailable \((.+)\); opening Cairn in browser mode at (\S+)$/m.exec(
          stdout,
        ))
      ) {
        if (Date.now() > deadline) throw new Error(`no browser-mode line in: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(line[1]).toBe(linux ? 'no display' : 'browser mode requested');
      const url = new URL(line[2]);
      expect(url.hostname).toBe('127.0.0.1');
      expect(await status(url)).toBe(200);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(data, { recursive: true, force: true });
    }
  }, 90_000);

  it('opens the Assistant with --assistant', async () => {
    const data = await mkdtemp(join(tmpdir(), 'cairn-start-assistant-'));
    const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const child = spawn(process.execPath, [startScript, '--assistant', '--browser', '--no-open', '--data', data], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 50_000;
      let line: RegExpExecArray | null;
      while (!(line = /opening Cairn in browser mode at (\S+)$/m.exec(stdout))) {
        if (Date.now() > deadline) throw new Error(`no browser-mode line in: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const url = new URL(line[1]);
      const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, { origin: url.origin });
      const info = await new Promise<{ face: string }>((resolve, reject) => {
        ws.once('open', () => ws.send(JSON.stringify({ id: 1, command: 'app.info', args: {} })));
        ws.on('message', (data: Buffer) => {
          const frame = JSON.parse(data.toString()) as { id?: number; result?: { face: string } };
          if (frame.id === 1 && frame.result) resolve(frame.result);
        });
        ws.once('error', reject);
      });
      ws.close();
      expect(info.face).toBe('assistant');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(data, { recursive: true, force: true });
    }
  }, 90_000);
});
