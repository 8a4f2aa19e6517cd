import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createService, type ApiService, type ServiceOptions } from '../api/service.js';
import { contentSecurityPolicy } from '../static/csp.js';
import { LOOPBACK, type HostAccess } from './access.js';
import { attachApiSocket } from './apiSocket.js';
import { staticRoute } from './staticRoute.js';

export { LOOPBACK } from './access.js';
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

/**
 * The browser-mode host: serves the built renderer and the API contract over one WebSocket,
 * on 127.0.0.1 only, behind a random per-start token, with Origin and Host checks
 * (access.ts); the files in staticRoute.ts, the API in apiSocket.ts.
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
  const access: HostAccess = { token, port: 0, csp: '' };
  const server = createServer(staticRoute(access, rendererDir));
  const api = attachApiSocket(server, access, service);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  access.port = port;
  access.csp = contentSecurityPolicy({ mode: 'browser', origin: `http://${LOOPBACK}:${port}` });

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    token,
    port,
    service,
    async close() {
      api.close();
      await service.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
