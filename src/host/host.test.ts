import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHost, type RunningHost } from './host.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<{ host: RunningHost; root: string }> {
  const root = await mkdtemp(join(tmpdir(), 'cairn-host-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><script type="module" src="./assets/app.js"></script>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("cairn")');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
  const host = await startHost({ dataDir: join(root, 'data'), rendererDir });
  cleanups.push(() => host.close());
  return { host, root };
}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw HTTP GET with exactly the headers given (no URL normalisation, no default Origin). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket; resolves with the socket, or with the HTTP status the upgrade was refused with. */
function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

function callOver(
  ws: WebSocket,
  id: number,
  command: string,
  args: unknown,
): Promise<{ id: number; ok: boolean; result?: unknown; error?: unknown }> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as { id: number; ok: boolean; result?: unknown; error?: unknown };
      if (frame.id !== id) return;
      ws.off('message', onMessage);
      resolve(frame);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, command, args }));
  });
}

describe('the browser host', () => {
  it('prints a loopback URL carrying a fresh random token', async () => {
    const { host } = await start();
    const { host: second } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
    expect(host.token).not.toBe(second.token);
  });

  it('refuses to bind anything but 127.0.0.1', async () => {
    for (const address of ['0.0.0.0', '::', '192.168.1.10', 'localhost']) {
      await expect(startHost({ host: address, dataDir: tmpdir() })).rejects.toThrow(/127\.0\.0\.1 only/);
    }
  });

  it('serves the renderer with the token, with a strict CSP and correct content types', async () => {
    const { host } = await start();
    const page = await get(host.port, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain(
      `connect-src 'self' ws://127.0.0.1:${host.port}`,
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    // The page's own assets carry no token: the HttpOnly cookie set with the page lets them in.
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    expect(String(page.headers['set-cookie'])).toContain('HttpOnly');
    const script = await get(host.port, '/assets/app.js', { cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses requests without the token, from another origin, or for another host name', async () => {
    const { host } = await start();
    expect((await get(host.port, '/')).status).toBe(401);
    expect((await get(host.port, '/?token=wrong')).status).toBe(401);
    expect((await get(host.port, `/?token=${host.token}`, { origin: 'http://evil.example' })).status).toBe(
      403,
    );
    const rebound = await get(host.port, `/?token=${host.token}`, { host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(421);
    expect(rebound.body).toContain('Host header');
  });

  it('tells the user to build the UI when dist/renderer is missing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cairn-host-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const host = await startHost({ dataDir: join(root, 'data'), rendererDir: join(root, 'missing') });
    cleanups.push(() => host.close());
    const reply = await get(host.port, `/?token=${host.token}`);
    expect(reply.status).toBe(503);
    expect(reply.body).toContain('npm run build:renderer');
  });

  it('refuses path traversal out of the renderer folder', async () => {
    const { host } = await start();
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const reply = await get(host.port, `${path}?token=${host.token}`);
      expect([400, 404], path).toContain(reply.status);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });

  it('speaks the contract over a WebSocket with the token and the host origin', async () => {
    const { host } = await start();
    const origin = `http://127.0.0.1:${host.port}`;
    const ws = await connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { origin });
    if (typeof ws === 'number') throw new Error(`upgrade refused with ${ws}`);
    cleanups.push(async () => ws.close());

    const info = await callOver(ws, 1, 'app.info', {});
    expect(info).toMatchObject({ id: 1, ok: true, result: { mode: 'browser' } });
    const catalog = await callOver(ws, 2, 'catalog.list', {});
    expect(catalog.ok).toBe(true);
    expect(Array.isArray(catalog.result)).toBe(true);
    const bad = await callOver(ws, 3, 'scenario.read', {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } });

    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"not":"a frame"}');
    expect(await closed).toBe(1007);
  });

  it('refuses WebSocket upgrades without token, with a foreign or missing Origin, or a foreign Host', async () => {
    const { host } = await start();
    const base = `ws://127.0.0.1:${host.port}/api`;
    const origin = `http://127.0.0.1:${host.port}`;
    expect(await connect(base, { origin })).toBe(401);
    expect(await connect(`${base}?token=${host.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await connect(`${base}?token=${host.token}`)).toBe(403);
    expect(await connect(`${base}?token=${host.token}`, { origin, host: `evil.example:${host.port}` })).toBe(
      421,
    );
  });
});
