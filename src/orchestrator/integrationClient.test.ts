import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntegrationClient } from './integrationClient.js';

// The integration client against small scripted servers: what a broken or strict Orchestrator does.

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
const upload = { processGuid: 'p', version: '1.0.0', notes: '', file: Buffer.from('PK'), fileName: 'x.cairn' };

describe('IntegrationClient', () => {
  it('sends the API key as Basic base64(key) and reads the process list', async () => {
    let auth = '';
    const url = await serve((req, res) => {
      auth = req.headers.authorization ?? '';
      json(res, 200, [{ guid: 'g1', name: 'One', description: '' }, { GUID: 'g2', Name: 'Two' }, 'noise']);
    });
    const client = new IntegrationClient({ url, apiKey: 'key-guid' });
    expect((await client.listProcesses()).map((p) => [p.guid, p.name])).toEqual([
      ['g1', 'One'],
      ['g2', 'Two'],
    ]);
    expect(auth).toBe(`Basic ${Buffer.from('key-guid').toString('base64')}`);
  });

  it('calls JSON that is not a list what it is', async () => {
    const url = await serve((_req, res) => json(res, 200, { ErrorCode: 0, status: 'ok' }));
    await expect(new IntegrationClient({ url, apiKey: 'k' }).listProcesses()).rejects.toMatchObject({
      kind: 'notJson',
      message: expect.stringMatching(/answer to processRead is JSON but not a list of processes/),
    });
  });

  it('retries a read after a 5xx but never repeats an upload', async () => {
    const seen: string[] = [];
    const url = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      json(res, 503, { ErrorText: 'busy' });
    });
    const client = new IntegrationClient({ url, apiKey: 'k', retries: 2, retryBaseMs: 1 });
    await expect(client.listProcesses()).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(seen.filter((s) => s === 'GET /api/process/read')).toHaveLength(3);
    await expect(client.uploadVersion(upload)).rejects.toMatchObject({ kind: 'server' });
    expect(seen.filter((s) => s === 'POST /api/processVersion/create')).toHaveLength(1);
  });

  it('names the API key, not a robot GUID, when refused, and says a 413 is a package too large', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/api/process/read') json(res, 403, { ErrorText: 'no right' });
      else json(res, 413, { ErrorCode: 413, ErrorText: 'Uploaded file "x.cairn" is over the 10-byte limit.' });
    });
    const client = new IntegrationClient({ url, apiKey: 'k' });
    const refused = (await client.listProcesses().catch((e: unknown) => e)) as Error;
    expect(refused.message).toMatch(/refused the API key \(HTTP 403\): it is known but may not do this .*Check the API key\./);
    expect(refused.message).not.toMatch(/robot GUID\./);
    await expect(client.uploadVersion(upload)).rejects.toMatchObject({
      kind: 'tooLarge',
      message: expect.stringMatching(/refused the package as too large \(HTTP 413\)\. .*over the 10-byte limit/),
    });
  });

  it('lists assets and drops any password an Orchestrator sends', async () => {
    const url = await serve((_req, res) =>
      json(res, 200, [
        { guid: 'a', name: 'bank', type: 1, text: 'login', password: 'secret!' },
        { guid: 'b', name: 'rate', type: 2, text: '91.5', password: null },
        { guid: 'c', name: 'days', type: 3, text: null },
      ]),
    );
    const assets = await new IntegrationClient({ url, apiKey: 'k' }).listAssets();
    expect(JSON.stringify(assets)).not.toContain('secret!');
    expect(assets.map((a) => [a.name, a.type, a.value])).toEqual([
      ['bank', 'credentials', 'login'],
      ['rate', 'text', '91.5'],
      ['days', 'other', null],
    ]);
  });
});
