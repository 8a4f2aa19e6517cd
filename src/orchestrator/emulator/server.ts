import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../store/database.js';
import { adminRoutes } from './admin-routes.js';
import { REQUEST_JOURNAL_CAP, createContext, type EmulatorContext, type RouteDef } from './context.js';
import { seedDemo, type DemoSeed } from './demo.js';
import { HttpFailure, sendReply, type Reply } from './http.js';
import { createJobs } from './jobs.js';
import { createProcesses, processRoutes } from './process-routes.js';
import { resourceRoutes } from './resource-routes.js';
import { robotRoutes } from './robot-routes.js';
import { emulatorMigrations } from './schema.js';
import { webRoutes } from './web/routes.js';

/**
 * The Orchestrator emulator: a real HTTP server on SQLite implementing the seed's robot protocol,
 * the vendor's REST calls Cairn uses and Cairn's extensions, plus an admin API for operators and
 * tests. Started by `cairn orchestrator` and by tests (port 0).
 */

export type EmulatorOptions = {
  /** 0 = a free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** SQLite file; default ':memory:'. */
  dbFile?: string;
  /** Seed a new database with the demo robot, process, version and a Pending job (default false). */
  seedDemo?: boolean;
  /** Largest version upload accepted (default 100 MB); beyond it processVersion/create answers 413. */
  maxPackageBytes?: number;
  /** One line per request: method, path, status, milliseconds, robot. */
  log?: (line: string) => void;
};

export type EmulatorHandle = {
  url: string;
  port: number;
  close(): Promise<void>;
  /** What seedDemo created (null when not asked, or the database already had robots). */
  demo?: DemoSeed | null;
};

function findRoute(routes: RouteDef[], method: string, path: string): { route: RouteDef; params: string[] } | 'method' | null {
  let wrongMethod = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (!route.methods.includes(method)) {
      wrongMethod = true;
      continue;
    }
    try {
      return { route, params: match.slice(1).map((p) => (p === undefined ? '' : decodeURIComponent(p))) };
    } catch {
      throw new HttpFailure(400, `Malformed percent-encoding in ${path}.`);
    }
  }
  return wrongMethod ? 'method' : null;
}

function robotOfRequest(req: IncomingMessage): string {
  const match = /^Basic\s+(\S+)/i.exec(req.headers.authorization ?? '');
  return match ? Buffer.from(match[1], 'base64').toString('utf8').replace(/:$/, '').trim().toLowerCase() : '';
}

async function handle(ctx: EmulatorContext, routes: RouteDef[], req: IncomingMessage, res: ServerResponse, log?: (line: string) => void): Promise<void> {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://emulator');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  let reply: Reply;
  try {
    const found = findRoute(routes, method, path);
    if (found === 'method') reply = { status: 405, json: { ErrorCode: 405, ErrorText: `${method} is not allowed on ${path}.` } };
    else if (!found) reply = { status: 404, json: { ErrorCode: 404, ErrorText: `No such call: ${method} ${path}.` } };
    else reply = await found.route.handle({ raw: req, method, path, query: url.searchParams, params: found.params });
  } catch (error) {
    if (error instanceof HttpFailure) reply = { status: error.status, json: { ErrorCode: error.errorCode, ErrorText: error.errorText } };
    else {
      const text = error instanceof Error ? error.message : String(error);
      reply = { status: 500, json: { ErrorCode: 500, ErrorText: `Emulator error: ${text}` } };
    }
    // The body may be partly unread after an early refusal; drain it so keep-alive stays usable.
    req.resume();
  }
  sendReply(res, reply);
  const robotGuid = robotOfRequest(req);
  if (!path.startsWith('/admin/') && path !== '/' && !path.startsWith('/ui/')) {
    if (ctx.requests.length >= REQUEST_JOURNAL_CAP) ctx.requests.splice(0, REQUEST_JOURNAL_CAP / 10);
    ctx.requests.push({ method, path, robotGuid, status: reply.status, at: ctx.now() });
  }
  log?.(`${method} ${path} ${reply.status} ${(performance.now() - started).toFixed(1)}ms${robotGuid ? ` robot=${robotGuid}` : ''}`);
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const db = openDatabase(opts.dbFile ?? ':memory:', emulatorMigrations);
  const ctx = createContext(db);
  const jobs = createJobs(ctx);
  const processes = createProcesses(ctx);
  const routes = [...robotRoutes(ctx, jobs), ...resourceRoutes(ctx), ...processRoutes(ctx, processes, opts.maxPackageBytes), ...adminRoutes(ctx, jobs, processes), ...webRoutes()];
  let demo: DemoSeed | null = null;
  try {
    if (opts.seedDemo) demo = await seedDemo(ctx, jobs, processes);
  } catch (error) {
    db.close();
    throw error;
  }

  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    handle(ctx, routes, req, res, opts.log).catch((error: unknown) => {
      opts.log?.(`emulator: failed to answer ${req.method} ${req.url}: ${String(error)}`);
      res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    demo,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}
