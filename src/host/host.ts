import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { toErrorPayload } from '../api/errors.js';
import { createService, type ApiService, type ServiceOptions } from '../api/service.js';
import { API_PATH, requestFrameSchema } from '../api/wire.js';
import { contentSecurityPolicy, hardeningHeaders } from '../static/csp.js';
import { checkRequest, readCookie, tokenCookieName, type GuardVerdict } from './requestGuard.js';
import { resolveStatic } from '../static/staticFiles.js';

export const LOOPBACK = '127.0.0.1';
export const defaultRendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export type HostOptions = {
  /** 0 or absent: a free port. */
  port?: number;
  /** Only 127.0.0.1 is accepted; anything else is refused (the host must never face a network). */
  host?: string;
  dataDir: string;
  projectDir?: string;
  /** The built renderer (dist/renderer). */
  rendererDir?: string;
  startRun?: ServiceOptions['startRun'];
  templateDir?: string;
  /** The renderer's face (default the Designer) and the Assistant's start-up list and tuning. */
  face?: ServiceOptions['face'];
  assistantPaths?: ServiceOptions['assistantPaths'];
  assistant?: ServiceOptions['assistant'];
};

export type RunningHost = {
  /** `http://127.0.0.1:<port>/?token=…` — the only way in. */
  url: string;
  token: string;
  port: number;
  service: ApiService;
  close(): Promise<void>;
};

const MAX_FRAME_BYTES = 64 * 1024 * 1024;
const MAX_BUFFERED_BYTES = 256 * 1024 * 1024;

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...hardeningHeaders,
  });
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, verdict: Extract<GuardVerdict, { ok: false }>): void {
  const reason = { 401: 'Unauthorized', 403: 'Forbidden', 421: 'Misdirected Request' }[verdict.status];
  socket.end(
    `HTTP/1.1 ${verdict.status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${verdict.message}\n`,
  );
}

/**
 * The browser-mode host: serves the built renderer and the API contract over one WebSocket,
 * on 127.0.0.1 only, behind a random per-start token, with Origin and Host checks.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  if (options.host !== undefined && options.host !== LOOPBACK) {
    throw new Error(`Cairn's browser host listens on ${LOOPBACK} only; refusing to bind "${options.host}"`);
  }
  const token = randomBytes(32).toString('base64url');
  const rendererDir = options.rendererDir ?? defaultRendererDir;
  const service = createService({
    dataDir: options.dataDir,
    mode: 'browser',
    projectDir: options.projectDir,
    startRun: options.startRun,
    templateDir: options.templateDir,
    face: options.face,
    assistantPaths: options.assistantPaths,
    assistant: options.assistant,
  });
  let port = 0;
  let csp = '';

  const tokenOf = (req: IncomingMessage, url: URL) =>
    url.searchParams.get('token') ?? readCookie(req.headers.cookie, tokenCookieName(port));

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
      const verdict = checkRequest(
        { host: req.headers.host, origin: req.headers.origin, token: tokenOf(req, url), upgrade: false },
        { port, token },
      );
      if (!verdict.ok) return refuse(res, verdict.status, verdict.message);
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
      const target = await resolveStatic(rendererDir, url.pathname);
      if ('error' in target) {
        if (url.pathname === '/' && target.error === 404) {
          return refuse(
            res,
            503,
            `The Designer UI is not built (${rendererDir} is missing). Run: npm run build:renderer`,
          );
        }
        return refuse(res, target.error, target.message);
      }
      const headers: Record<string, string> = {
        'Content-Type': target.contentType,
        'Content-Security-Policy': csp,
        'Cache-Control': 'no-store',
        ...hardeningHeaders,
      };
      // The page's own scripts and assets carry no token: a cookie (HttpOnly, this port only) does.
      if (url.searchParams.has('token')) {
        headers['Set-Cookie'] = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      createReadStream(target.file).pipe(res);
    })().catch((error: unknown) => refuse(res, 500, `Cairn host error: ${(error as Error).message}`));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const verdict = checkRequest(
      { host: req.headers.host, origin: req.headers.origin, token: tokenOf(req, url), upgrade: true },
      { port, token },
    );
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
    ws.on('message', (data) => void answer(ws, String(data)));
  });

  const answer = async (ws: WebSocket, text: string) => {
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
  };

  const offEvents = service.onEvent((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      // A page that stopped reading (frozen tab) must not make the host buffer without bound.
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else client.send(frame);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as { port: number }).port;
  csp = contentSecurityPolicy({ mode: 'browser', origin: `http://${LOOPBACK}:${port}` });

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    token,
    port,
    service,
    async close() {
      offEvents();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await service.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
