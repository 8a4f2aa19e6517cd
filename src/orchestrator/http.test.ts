import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from './http.js';
import { resolvePaths } from './paths.js';

// The transport's connections: a job's log lines reuse one kept-alive connection (no handshake per
// line), and a call never waits behind a slow one (a heartbeat during a package download).

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(slowPaths: Set<string> = new Set()): Promise<{ url: string; connections: () => number; order: string[] }> {
  let connections = 0;
  const order: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      order.push(new URLSearchParams(body).get('Message') ?? req.url ?? '');
      const answer = () => res.end(JSON.stringify({ ok: true }));
      if (slowPaths.has(req.url ?? '')) setTimeout(answer, 1500);
      else answer();
    });
  });
  server.on('connection', () => (connections += 1));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections, order };
}

const transport = (url: string) =>
  createTransport({ baseUrl: url, credential: 'guid', paths: resolvePaths(), timeoutMs: 10_000, retries: 0, retryBaseMs: 10, retryMaxMs: 10, maxContentLength: 1 << 20, insecure: false, warn: () => {} });

describe('transport connections', () => {
  it('sends 200 log lines one after another over kept-alive connections, in order', async () => {
    const server = await serve();
    const send = transport(server.url);
    for (let i = 0; i < 200; i++) await send('logCreate', { body: new URLSearchParams({ Message: `line ${i}` }).toString() });
    // undici's pool opens a second connection for the call right after the first (the first one is
    // still settling in) and then reuses them: two handshakes for the job, not one per line.
    expect(server.connections()).toBeLessThanOrEqual(2);
    expect(server.order).toEqual(Array.from({ length: 200 }, (_, i) => `line ${i}`));
  });

  it('answers a heartbeat while a slow download is still in flight', async () => {
    const server = await serve(new Set(['/api/processVersion/download/v1']));
    const send = transport(server.url);
    const download = send('processVersionDownload', { params: { guid: 'v1' }, binary: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const heartbeat = await Promise.race([send('heartbeat', { body: 'RobotGUID=guid' }).then(() => 'heartbeat'), download.then(() => 'download')]);
    expect(heartbeat).toBe('heartbeat');
    await download;
    expect(server.connections()).toBe(2);
  });
});
