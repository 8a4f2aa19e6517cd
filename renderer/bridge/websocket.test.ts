import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { ApiError } from '../../src/api/errors.js';
import { browserApiUrl, createBridge } from './bridge.js';
import type { ConnectionState } from './transport.js';
import { createWebSocketTransport, type WebSocketConstructor } from './websocket.js';
import { until } from '../../src/testing/until.js';

type Frame = { id: number; command: string; args: unknown };

/** A real WebSocket server on 127.0.0.1 playing the host: answers, fails, or swallows calls. */
async function startFakeHost(answer: (frame: Frame, socket: WebSocket) => void) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const sockets = new Set<WebSocket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('message', (data) => answer(JSON.parse(String(data)) as Frame, socket));
  });
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}/api?token=t`, server, sockets };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function transportTo(url: string) {
  const transport = createWebSocketTransport({
    url,
    WebSocketImpl: WebSocket as unknown as WebSocketConstructor,
    reconnectDelaysMs: [20],
  });
  cleanups.push(() => transport.close());
  return transport;
}

describe('the WebSocket bridge', () => {
  it('sends calls made before the socket opened, returns typed results and delivers events', async () => {
    const host = await startFakeHost((frame, socket) => {
      socket.send(JSON.stringify({ event: 'file.changed', payload: { path: '/p/a.scenario.json' } }));
      socket.send(
        JSON.stringify({
          id: frame.id,
          ok: true,
          result: { version: '0.1.0', mode: 'browser', dataDir: '/d', platform: 'linux' },
        }),
      );
    });
    cleanups.push(() => host.server.close());
    const bridge = createBridge(() => transportTo(host.url));
    const changed: string[] = [];
    bridge.on('file.changed', ({ path }) => changed.push(path));

    const info = await bridge.call('app.info');

    expect(info.mode).toBe('browser');
    expect(changed).toEqual(['/p/a.scenario.json']);
  });

  it('turns error frames into ApiError with the code the UI branches on', async () => {
    const host = await startFakeHost((frame, socket) =>
      socket.send(
        JSON.stringify({ id: frame.id, ok: false, error: { message: 'changed on disk', code: 'conflict' } }),
      ),
    );
    cleanups.push(() => host.server.close());
    const bridge = createBridge(() => transportTo(host.url));

    const error = await bridge.call('scenario.delete', { path: '/x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'conflict', message: 'changed on disk' });
  });

  it('rejects unanswered calls with a clear error when the connection drops, then reconnects', async () => {
    let swallow = true;
    let received = 0;
    const host = await startFakeHost((frame, socket) => {
      received += 1;
      if (swallow) return; // the host "hangs" on this call
      socket.send(JSON.stringify({ id: frame.id, ok: true, result: [] }));
    });
    cleanups.push(() => host.server.close());
    const transport = transportTo(host.url);
    const states: ConnectionState[] = [];
    transport.onConnection((state) => states.push(state));
    const bridge = createBridge(() => transport);

    const hanging = bridge.call('project.recent').catch((e: unknown) => e);
    await until(() => received === 1, 'the call to reach the host');
    for (const socket of host.sockets) socket.terminate();
    host.sockets.clear();

    const error = await hanging;
    expect(error).toMatchObject({ code: 'disconnected' });
    expect(String((error as Error).message)).toContain('"project.recent"');

    swallow = false;
    await until(() => states.filter((s) => s === 'open').length === 2, 'the reconnection');
    await expect(bridge.call('project.recent')).resolves.toEqual([]);
  });

  it('builds the API URL from the page address and keeps the token for reloads', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };

    expect(browserApiUrl({ protocol: 'http:', host: '127.0.0.1:4000', search: '?token=abc' }, storage)).toBe(
      'ws://127.0.0.1:4000/api?token=abc',
    );
    expect(browserApiUrl({ protocol: 'http:', host: '127.0.0.1:4000', search: '' }, storage)).toBe(
      'ws://127.0.0.1:4000/api?token=abc',
    );
  });
});
