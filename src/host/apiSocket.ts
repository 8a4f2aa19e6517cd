import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { toErrorPayload } from '../api/errors.js';
import type { ApiService } from '../api/service.js';
import { API_PATH, requestFrameSchema } from '../api/wire.js';
import { admit, type HostAccess } from './access.js';
import type { GuardVerdict } from './requestGuard.js';

const MAX_FRAME_BYTES = 64 * 1024 * 1024;
const MAX_BUFFERED_BYTES = 256 * 1024 * 1024;

function refuseUpgrade(socket: Duplex, verdict: Extract<GuardVerdict, { ok: false }>): void {
  const reason = { 401: 'Unauthorized', 403: 'Forbidden', 421: 'Misdirected Request' }[verdict.status];
  socket.end(
    `HTTP/1.1 ${verdict.status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${verdict.message}\n`,
  );
}

/** One request frame: the command's answer, or its error, under the frame's id. */
async function answer(service: ApiService, ws: WebSocket, text: string): Promise<void> {
  let frame;
  try {
    frame = requestFrameSchema.parse(JSON.parse(text));
  } catch {
    // Not our bridge talking: there is no id to answer, so end the conversation.
    ws.close(1007, 'Malformed frame: expected { id, command, args }');
    return;
  }
  try {
    const result = await service.call(frame.command, frame.args);
    ws.send(JSON.stringify({ id: frame.id, ok: true, result }));
  } catch (error) {
    ws.send(JSON.stringify({ id: frame.id, ok: false, error: toErrorPayload(error) }));
  }
}

/**
 * The API contract over one WebSocket at API_PATH: commands in, answers and every event out.
 * Returns what closes it (the clients, the event feed).
 */
export function attachApiSocket(server: Server, access: HostAccess, service: ApiService): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { url, verdict } = admit(access, req, true);
    if (!verdict.ok) return refuseUpgrade(socket, verdict);
    if (url.pathname !== API_PATH)
      return refuseUpgrade(socket, {
        ok: false,
        status: 403,
        message: `No WebSocket endpoint at ${url.pathname}`,
      });
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data) => void answer(service, ws, String(data)));
  });

  const offEvents = service.onEvent((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      // A page that stopped reading (frozen tab) must not make the host buffer without bound.
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else client.send(frame);
    }
  });
  return {
    close() {
      offEvents();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
