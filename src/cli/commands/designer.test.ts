import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startCli } from '../testing/spawnCli.js';
import { defaultDataDir } from '../../api/dataDir.js';
import { browserOpener } from '../../host/openBrowser.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('cairn designer', () => {
  it('prints a tokened loopback URL that answers the API, and stops cleanly on Ctrl+C', async () => {
    const data = await mkdtemp(join(tmpdir(), 'cairn-designer-'));
    cleanups.push(() => rm(data, { recursive: true, force: true }));
    const run = startCli(['designer', '--data', data]);

    const printed = /Cairn Designer: (\S+)/;
    await run.waitFor((stdout) => printed.test(stdout), 20_000);
    const page = new URL(printed.exec(run.stdout())![1]);
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
    expect((await run.exit).code).toBe(0);
  });

  it('explains a wrong command line with exit code 2', async () => {
    const badPort = startCli(['designer', '--port', 'eighty']);
    expect((await badPort.exit).code).toBe(2);
    expect(badPort.stderr()).toContain('--port must be a port number');

    const notProject = startCli(['designer', tmpdir()]);
    expect((await notProject.exit).code).toBe(2);
    expect(notProject.stderr()).toContain('is not a Cairn project');
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
