import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrchestratorClient } from './client.js';
import { OrchestratorError } from './errors.js';
import { RobotStatus } from './protocol.js';

// The client against servers that misbehave: every failure is a clear OrchestratorError kind.

const robotGuid = 'da8bc2f0-8065-4385-b867-405e66b8e151';
const machine = { machine: 'test', ip: '127.0.0.1', mac: '00:00:00:00:00:00' };
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void, server: Server = createServer()): Promise<string> {
  server.on('request', handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const client = (url: string, extra: Partial<ConstructorParameters<typeof OrchestratorClient>[0]> = {}): OrchestratorClient =>
  new OrchestratorClient({ url, robotGuid, machine, retries: 0, timeoutMs: 10_000, ...extra });

async function failure(promise: Promise<unknown>): Promise<OrchestratorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OrchestratorError);
  return error as OrchestratorError;
}

describe('client against a misbehaving server', () => {
  it('an HTML page is notJson, quoting the start of the page', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><head><title>Captive portal</title></head><body>Log in to Wi-Fi</body></html>');
    });
    const error = await failure(client(url).heartbeat({ status: RobotStatus.Ready }));
    expect(error.kind).toBe('notJson');
    expect(error.message).toContain('<html><head><title>Captive portal');
  });

  it('truncated JSON is notJson; JSON without the protocol fields too', async () => {
    let body = '{"HeartbeatErrorCode": 0, "ErrorT';
    const url = await serve((_req, res) => res.end(body));
    expect((await failure(client(url).heartbeat({ status: RobotStatus.Ready }))).kind).toBe('notJson');
    body = '{"status":"ok"}';
    const error = await failure(client(url).heartbeat({ status: RobotStatus.Ready }));
    expect(error.message).toMatch(/lacks HeartbeatErrorCode/);
  });

  it('a 500 is retried and the next OK answer is used (numbers as text, a boolean flag, extra fields)', async () => {
    let hits = 0;
    const url = await serve((_req, res) => {
      hits += 1;
      if (hits === 1) {
        res.writeHead(500);
        res.end('database is down');
        return;
      }
      res.end(JSON.stringify({ HeartbeatErrorCode: '0', ErrorText: '', HasNewJob: true, Extra: 'ignored' }));
    });
    const answer = await client(url, { retries: 2, retryBaseMs: 5 }).heartbeat({ status: RobotStatus.Ready });
    expect(answer.hasNewJob).toBe(true);
    expect(hits).toBe(2);
  });

  it('5xx past the retries is a server error; 4xx is never retried', async () => {
    let hits = 0;
    let status = 503;
    const url = await serve((_req, res) => {
      hits += 1;
      res.writeHead(status);
      res.end('{"ErrorText":"busy"}');
    });
    const server = await failure(client(url, { retries: 2, retryBaseMs: 5 }).updateJob({ guid: 'g', status: 8 }));
    expect(server).toMatchObject({ kind: 'server', status: 503 });
    expect(hits).toBe(3);
    hits = 0;
    status = 400;
    const refused = await failure(client(url, { retries: 2, retryBaseMs: 5 }).updateJob({ guid: 'g', status: 8 }));
    expect(refused).toMatchObject({ kind: 'rejected', status: 400 });
    expect(refused.transient).toBe(false);
    expect(hits).toBe(1);
  });

  it('a server that never answers is a timeout, not a hang', async () => {
    const url = await serve(() => {
      /* never answers */
    });
    const error = await failure(client(url, { timeoutMs: 300 }).heartbeat({ status: RobotStatus.Ready }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer heartbeat within 300 ms/);
  });

  it('a 50 MB answer is tooLarge and the client stays usable', async () => {
    const url = await serve((req, res) => {
      if (req.url?.includes('asset')) {
        res.end(JSON.stringify({ guid: 'a', name: 'small', type: 2, text: 'ok' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 50 && res.write(chunk)) sent += 1;
        if (sent >= 50) res.end();
        else res.once('drain', () => {
          sent += 1;
          pump();
        });
      };
      res.on('error', () => {});
      pump();
    });
    const c = client(url);
    const error = await failure(c.heartbeat({ status: RobotStatus.Ready }));
    expect(error.kind).toBe('tooLarge');
    expect((await c.readAsset('small')).text).toBe('ok');
  });

  it('401 is unauthorized with the server reason; a closed port is unreachable', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"ErrorText":"Unknown API key"}');
    });
    const error = await failure(client(url).readAsset('x'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.message).toContain('Unknown API key');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await failure(client(`http://127.0.0.1:${port}`).heartbeat({ status: RobotStatus.Ready }));
    expect(down.kind).toBe('unreachable');
    expect(down.transient).toBe(true);
  });

  it('sends the seed wire format: form fields and Basic base64(GUID)', async () => {
    let seen: { method?: string; auth?: string; type?: string; body: string } = { body: '' };
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen = { method: req.method, auth: req.headers.authorization, type: req.headers['content-type'], body };
        res.end('{"ErrorCode":0}');
      });
    });
    await client(url).updateJob({ guid: 'job-1', status: 8 });
    expect(seen).toEqual({
      method: 'PUT',
      auth: `Basic ${Buffer.from(robotGuid).toString('base64')}`,
      type: 'application/x-www-form-urlencoded',
      body: 'guid=job-1&status=8',
    });
  });

  it('a self-signed certificate is a tls error unless checks are off for that Orchestrator (warned once)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
        '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
      const tls = createTlsServer({ key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) });
      const url = (await serve((_req, res) => res.end('{"HeartbeatErrorCode":0,"ErrorText":"","HasNewJob":0}'), tls)).replace('http:', 'https:');
      const error = await failure(client(url).heartbeat({ status: RobotStatus.Ready }));
      expect(error.kind).toBe('tls');
      expect(error.message).toMatch(/turn certificate checks off/);

      const warnings: string[] = [];
      const insecure = client(url, { insecure: true, warn: (line) => warnings.push(line) });
      client(url, { insecure: true, warn: (line) => warnings.push(line) });
      expect((await insecure.heartbeat({ status: RobotStatus.Ready })).errorCode).toBe(0);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/TLS certificate checks are OFF for https:\/\/127\.0\.0\.1/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
