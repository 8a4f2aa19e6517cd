import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import busboy from 'busboy';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlockError } from '../define.js';
import { createHarness, expectParamError, type Harness } from '../testing/harness.js';
import { httpRequest } from './request.js';
import { httpDownload } from './download.js';

type Multipart = { fields: Record<string, string>; files: Record<string, { name: string; text: string }> };

let server: Server;
let base: string;
let flakyHits = 0;
const bigFile = Buffer.alloc(3 * 1024 * 1024, 'x');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseMultipart(req: IncomingMessage): Promise<Multipart> {
  return new Promise((done) => {
    const out: Multipart = { fields: {}, files: {} };
    const bb = busboy({ headers: req.headers });
    bb.on('field', (name, value) => (out.fields[name] = value));
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (out.files[name] = { name: info.filename ?? '', text: Buffer.concat(chunks).toString('utf8') }));
    });
    bb.on('close', () => done(out));
    req.pipe(bb);
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      switch (url.pathname) {
        case '/json':
          return json(200, { hello: 'мир', query: Object.fromEntries(url.searchParams), custom: req.headers['x-custom'] ?? null });
        case '/echo':
          return json(200, { method: req.method, type: req.headers['content-type'], body: await readBody(req) });
        case '/multipart':
          return json(200, await parseMultipart(req));
        case '/basic':
          return req.headers.authorization === `Basic ${Buffer.from('anna:p@ss').toString('base64')}`
            ? json(200, { ok: true })
            : json(401, { ok: false });
        case '/bearer':
          return req.headers.authorization === 'Bearer tok-123' ? json(200, { ok: true }) : json(401, { ok: false });
        case '/flaky':
          flakyHits++;
          return flakyHits <= 2 ? json(503, { busy: true }) : json(200, { hits: flakyHits });
        case '/slow':
          return; // never answers: the client's timeout must fire
        case '/text':
          res.writeHead(200, { 'content-type': 'text/plain' });
          return res.end('plain words');
        case '/big':
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bigFile.length) });
          return res.end(bigFile);
        default:
          return json(404, { error: 'no such page' });
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  flakyHits = 0;
});
afterEach(() => h.close());

describe('http.request', () => {
  it('GETs JSON with query and headers and parses the body', async () => {
    const result = await h.run(httpRequest, { url: `${base}/json`, query: { q: 'поиск', n: 2 }, headers: { 'X-Custom': 'yes' } });
    expect(result?.outputs?.status).toBe(200);
    expect(result?.outputs?.body).toEqual({ hello: 'мир', query: { q: 'поиск', n: '2' }, custom: 'yes' });
    expect((result?.outputs?.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('returns non-JSON answers as text', async () => {
    const result = await h.run(httpRequest, { url: `${base}/text` });
    expect(result?.outputs?.body).toBe('plain words');
  });

  it('sends JSON, form and raw text bodies', async () => {
    const json = await h.run(httpRequest, { method: 'POST', url: `${base}/echo`, bodyType: 'json', body: { a: [1, 2] } });
    expect(json?.outputs?.body).toMatchObject({ method: 'POST', type: 'application/json; charset=utf-8', body: '{"a":[1,2]}' });
    const form = await h.run(httpRequest, { method: 'PUT', url: `${base}/echo`, bodyType: 'form', body: { name: 'Анна', age: 30 } });
    expect(form?.outputs?.body).toMatchObject({ method: 'PUT', type: 'application/x-www-form-urlencoded', body: 'name=%D0%90%D0%BD%D0%BD%D0%B0&age=30' });
    const text = await h.run(httpRequest, { method: 'POST', url: `${base}/echo`, bodyType: 'text', body: 'hello' });
    expect(text?.outputs?.body).toMatchObject({ type: 'text/plain; charset=utf-8', body: 'hello' });
  });

  it('sends multipart fields and files read from disk', async () => {
    await writeFile(join(h.projectDir, 'report.txt'), 'отчёт за май');
    const result = await h.run(httpRequest, {
      method: 'POST',
      url: `${base}/multipart`,
      bodyType: 'multipart',
      body: { title: 'May' },
      files: { attachment: 'report.txt' },
    });
    expect(result?.outputs?.body).toEqual({ fields: { title: 'May' }, files: { attachment: { name: 'report.txt', text: 'отчёт за май' } } });
  });

  it('names the missing file of a multipart upload', async () => {
    const run = h.run(httpRequest, { method: 'POST', url: `${base}/multipart`, bodyType: 'multipart', files: { f: 'nope.txt' } });
    await expect(run).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringContaining('nope.txt') });
  });

  it('authenticates with basic and bearer and keeps the secrets out of the log', async () => {
    const basic = await h.run(httpRequest, { url: `${base}/basic`, auth: 'basic', username: 'anna', password: 'p@ss' });
    expect(basic?.outputs?.status).toBe(200);
    const bearer = await h.run(httpRequest, { url: `${base}/bearer`, auth: 'bearer', token: 'tok-123' });
    expect(bearer?.outputs?.status).toBe(200);
    const wrong = h.run(httpRequest, { url: `${base}/bearer`, auth: 'bearer', token: 'wrong' });
    await expect(wrong).rejects.toMatchObject({ code: 'HTTP_401' });
    expect(JSON.stringify(h.logs)).not.toContain('tok-123');
  });

  it('returns a 4xx answer instead of failing when failOnError is off', async () => {
    const result = await h.run(httpRequest, { url: `${base}/missing`, failOnError: false });
    expect(result?.outputs).toMatchObject({ status: 404, body: { error: 'no such page' } });
  });

  it('retries 5xx answers until the server recovers', async () => {
    const result = await h.run(httpRequest, { url: `${base}/flaky`, retries: 3, retryDelayMs: 10 });
    expect(result?.outputs).toMatchObject({ status: 200, body: { hits: 3 } });
    expect(h.logs.filter((l) => l.level === 'warn')).toHaveLength(2);
  });

  it('fails with the last 5xx when retries run out', async () => {
    const run = h.run(httpRequest, { url: `${base}/flaky`, retries: 1, retryDelayMs: 10 });
    await expect(run).rejects.toMatchObject({ code: 'HTTP_503' });
  });

  it('times out with a TIMEOUT error naming the request', async () => {
    const run = h.run(httpRequest, { url: `${base}/slow`, timeoutMs: 300 });
    await expect(run).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('/slow timed out after 300 ms') });
  });

  it('gives up a pending request when the run is stopped', async () => {
    const pending = h.run(httpRequest, { url: `${base}/slow`, timeoutMs: 60_000 });
    h.controller.abort(new Error('Run stopped'));
    await expect(pending).rejects.toThrow('Run stopped');
  });

  it('reports an unreachable host', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const run = h.run(httpRequest, { url: `http://127.0.0.1:${port}/x`, retries: 1, retryDelayMs: 10 });
    await expect(run).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('rejects bad input with the cause', async () => {
    await expect(h.run(httpRequest, { url: 'not a url' })).rejects.toThrow(BlockError);
    await expect(h.run(httpRequest, { url: 'ftp://x/y' })).rejects.toThrow('must start with http:// or https://');
    await expect(h.run(httpRequest, { url: `${base}/echo`, bodyType: 'form', body: 'a=1' })).rejects.toThrow('must be a dictionary');
    await expectParamError(h.run(httpRequest, { url: `${base}/echo`, headers: 'x' }), 'headers', /expects dictionary, got text/);
    await expect(h.run(httpRequest, { url: `${base}/basic`, auth: 'basic' })).rejects.toThrow('needs a login');
    await expect(h.run(httpRequest, { url: `${base}/echo`, bodyType: 'json', files: { f: 'a.txt' } })).rejects.toThrow('only be sent with body type "multipart", not "json"');
    await expectParamError(h.run(httpRequest, { url: `${base}/echo`, method: 'FETCH' }), 'method', /must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, got "FETCH"/);
  });
});

describe('http.download', () => {
  it('streams a file to disk and logs the progress', async () => {
    const result = await h.run(httpDownload, { url: `${base}/big`, path: 'out/big.bin' });
    const saved = join(h.projectDir, 'out/big.bin');
    expect(result?.outputs).toEqual({ path: saved, bytes: bigFile.length });
    expect((await stat(saved)).size).toBe(bigFile.length);
    expect(h.logs.some((l) => /Downloaded \d+\.\d MB of 3\.0 MB/.test(l.message))).toBe(true);
  });

  it('fails on a 404 and leaves no file behind', async () => {
    const run = h.run(httpDownload, { url: `${base}/missing`, path: 'nothing.bin' });
    await expect(run).rejects.toMatchObject({ code: 'HTTP_404' });
    await expect(readFile(join(h.projectDir, 'nothing.bin'))).rejects.toThrow();
    await expect(readFile(join(h.projectDir, 'nothing.bin.part'))).rejects.toThrow();
  });

  it('rejects a missing target path', async () => {
    await expect(h.run(httpDownload, { url: `${base}/big`, path: '' })).rejects.toThrow('"path"');
  });
});
