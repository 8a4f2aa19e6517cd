import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { defaultDataDir } from '../../api/dataDir.js';
import { browserOpener } from '../../host/openBrowser.js';

const cairn = fileURLToPath(new URL('../../../bin/cairn.js', import.meta.url));
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function runCairn(args: string[]) {
  const child = spawn(process.execPath, [cairn, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('cairn designer', () => {
  it('prints a tokened loopback URL that answers the API, and stops cleanly on Ctrl+C', async () => {
    const data = await mkdtemp(join(tmpdir(), 'cairn-designer-'));
    cleanups.push(() => rm(data, { recursive: true, force: true }));
    const run = runCairn(['designer', '--data', data]);
    cleanups.push(async () => run.child.kill('SIGKILL'));

    const deadline = Date.now() + 20_000;
    let url: string | undefined;
    while (!(url = /Cairn Designer: (\S+)/.exec(run.output().stdout)?.[1])) {
      if (Date.now() > deadline) throw new Error(`no URL printed: ${JSON.stringify(run.output())}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const page = new URL(url);
    expect(page.hostname).toBe('127.0.0.1');

    const ws = new WebSocket(`ws://${page.host}/api?token=${page.searchParams.get('token')}`, {
      origin: page.origin,
    });
    const reply = await new Promise<{ ok: boolean; result: { dataDir: string } }>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ id: 1, command: 'app.info', args: {} })));
      ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as { ok: boolean; result: { dataDir: string } }));
      ws.once('error', reject);
    });
    ws.close();
    expect(reply).toMatchObject({ ok: true, result: { dataDir: data } });

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('explains a wrong command line with exit code 2', async () => {
    const badPort = runCairn(['designer', '--port', 'eighty']);
    expect(await badPort.exited).toBe(2);
    expect(badPort.output().stderr).toContain('--port must be a port number');

    const notProject = runCairn(['designer', tmpdir()]);
    expect(await notProject.exited).toBe(2);
    expect(notProject.output().stderr).toContain('is not a Cairn project');
  });
});

describe('platform helpers', () => {
  it('keep app data in the per-user folder Electron uses for "Cairn"', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'Cairn'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Cairn');
    expect(defaultDataDir({ CAIRN_DATA_DIR: '/custom' }, 'linux')).toBe('/custom');
  });

  it('open URLs with the platform opener', () => {
    expect(browserOpener('http://127.0.0.1:1/?token=a&b', 'linux')).toEqual({
      command: 'xdg-open',
      args: ['http://127.0.0.1:1/?token=a&b'],
    });
    expect(browserOpener('http://x/?a&b', 'win32').args.at(-1)).toBe('http://x/?a^&b');
    expect(browserOpener('http://x/', 'darwin').command).toBe('open');
  });
});
