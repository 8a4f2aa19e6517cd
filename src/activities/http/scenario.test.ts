import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ items: [1, 2, 3] }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));

describe('http blocks in a scenario run by the engine', () => {
  it('maps the response into variables and sends a bad URL down the error port', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'base', type: 'text', direction: 'in' },
        { name: 'count', type: 'number', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'get', type: 'http.request', params: { url: { expr: "base + '/list'" } }, outputs: { body: 'reply' } },
        { id: 'count', type: 'core.assign', params: { assignments: [{ variable: 'count', value: { expr: 'reply.items.length' } }] } },
        { id: 'bad', type: 'http.request', params: { url: 'htp:/broken' }, onError: 'handle', errorVariable: 'problem' },
        { id: 'after', type: 'core.log', params: { message: 'not reached' } },
        { id: 'handled', type: 'core.log', params: { message: 'handled' } },
      ],
      links: [...chain('start', 'get', 'count', 'bad', 'after'), ['bad', 'handled', 'error']],
    });
    const { summary, logs } = await runScenario(doc, { args: { base } });
    expect(summary.error).toBeUndefined();
    expect(summary.result).toBe('success');
    expect(summary.outputs.count).toBe(3);
    expect(summary.outputs.problem).toMatchObject({ blockId: 'bad', code: 'BAD_INPUT', message: expect.stringContaining('htp:/broken') });
    expect(logs.join('\n')).toContain('handled');
    expect(logs.join('\n')).not.toContain('not reached');
  });
});
