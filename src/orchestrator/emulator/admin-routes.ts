import { statements } from '../../store/database.js';
import { AssetType } from '../protocol.js';
import { create, filter, need, optional, readJson } from './admin-body.js';
import { jobRoutes } from './admin-job-routes.js';
import { normalizeGuid, type EmulatorContext, type RouteDef } from './context.js';
import { fail, isLoopback, ok } from './http.js';
import type { Jobs } from './jobs.js';
import { packageReply, versionAnswer, type Processes } from './process-routes.js';

/**
 * The emulator's own admin API (JSON, no auth, loopback only): what an operator does in the
 * Orchestrator's web UI — register robots, publish, start/stop/abort jobs — and what tests inspect
 * (job history, logs in arrival order, every request seen).
 */

function assetType(value: unknown): number {
  if (value === undefined) return AssetType.Text;
  const byName = Object.entries(AssetType).find(([name]) => name.toLowerCase() === String(value).toLowerCase());
  const type = byName ? byName[1] : Number(value);
  if (!Object.values(AssetType).includes(type as AssetType)) throw fail(400, `"type" must be 1 Credentials, 2 Text or 3 Calendar.`);
  return type;
}

export function adminRoutes(ctx: EmulatorContext, jobs: Jobs, processes: Processes): RouteDef[] {
  const routes = [...registryRoutes(ctx), ...publishingRoutes(processes), ...jobRoutes(ctx, jobs, processes)];
  // Loopback only: the admin API has no credentials, so it must not be reachable from the network.
  return routes.map((route) => ({
    ...route,
    handle(req) {
      if (!isLoopback(req.raw.socket.remoteAddress)) throw fail(403, 'The admin API answers on loopback only.');
      return route.handle(req);
    },
  }));
}

/** What an operator registers: robots, API keys, assets and queues. */
function registryRoutes(ctx: EmulatorContext): RouteDef[] {
  const sql = statements(ctx.db, {
    robot: 'INSERT INTO robots (guid, name, created_at) VALUES (?, ?, ?)',
    robots: 'SELECT * FROM robots ORDER BY created_at, rowid',
    apiKey: 'INSERT INTO api_keys (guid, name, created_at) VALUES (?, ?, ?)',
    queue: 'INSERT INTO queues (guid, name, description, created_at) VALUES (?, ?, ?, ?)',
    asset: `INSERT INTO assets (guid, name, type, description, text, password, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    assets: `SELECT guid, name, type, description, text, password IS NOT NULL AND password <> '' AS has_password, updated_at
             FROM assets ORDER BY name`,
    queues: `SELECT q.guid, q.name, q.description, q.created_at, COUNT(t.guid) AS tasks
             FROM queues q LEFT JOIN tasks t ON t.queue_guid = q.guid GROUP BY q.guid ORDER BY q.name`,
    tasks: 'SELECT * FROM tasks WHERE (@queue IS NULL OR queue_guid = @queue) ORDER BY created_at, rowid',
  });
  return [
    { methods: ['POST'], pattern: /^\/admin\/robots$/, handle: create((guid, b) => sql.robot.run(guid, need(b, 'name'), ctx.now())) },
    { methods: ['GET'], pattern: /^\/admin\/robots$/, handle: () => ok(sql.robots.all()) },
    { methods: ['POST'], pattern: /^\/admin\/apikeys$/, handle: create((guid, b) => sql.apiKey.run(guid, need(b, 'name'), ctx.now())) },
    // Credentials' passwords never leave the emulator through the admin API: only whether one is set.
    { methods: ['GET'], pattern: /^\/admin\/assets$/, handle: () => ok(sql.assets.all()) },
    {
      methods: ['POST'],
      pattern: /^\/admin\/assets$/,
      handle: create((guid, b) =>
        sql.asset.run(guid, need(b, 'name'), assetType(b.type), optional(b, 'description') ?? '', optional(b, 'text') ?? null, optional(b, 'password') ?? null, ctx.now()),
      ),
    },
    { methods: ['GET'], pattern: /^\/admin\/queues$/, handle: () => ok(sql.queues.all()) },
    {
      methods: ['POST'],
      pattern: /^\/admin\/queues$/,
      handle: create((guid, b) => sql.queue.run(guid, need(b, 'name'), optional(b, 'description') ?? '', ctx.now())),
    },
    { methods: ['GET'], pattern: /^\/admin\/tasks$/, handle: (req) => ok(sql.tasks.all({ queue: filter(req, 'queueGuid') })) },
  ];
}

/** Processes and their versions, as the web page lists them and an operator publishes them. */
function publishingRoutes(processes: Processes): RouteDef[] {
  return [
    {
      methods: ['GET'],
      pattern: /^\/admin\/processes$/,
      // Each process with its versions (no package bytes), for the web page.
      handle: () => ok(processes.processes().map((p) => ({ ...p, versions: processes.versionsOf(String(p.guid)).map(versionAnswer) }))),
    },
    {
      methods: ['POST'],
      pattern: /^\/admin\/processes$/,
      async handle(req) {
        const body = await readJson(req.raw);
        return ok({ guid: processes.createProcess({ name: need(body, 'name'), description: optional(body, 'description') }) });
      },
    },
    {
      methods: ['POST'],
      pattern: /^\/admin\/versions$/,
      async handle(req) {
        const body = await readJson(req.raw);
        const pkg = optional(body, 'package');
        // Without a package the version is a script name, as the seed's Python framework uses it.
        const name = optional(body, 'name') ?? need(body, 'scriptName');
        const guid = processes.createVersion({
          processGuid: normalizeGuid(need(body, 'processGuid')),
          name,
          description: optional(body, 'description'),
          fileName: pkg ? (optional(body, 'fileName') ?? `${name}.cairn`) : '',
          file: pkg ? Buffer.from(pkg, 'base64') : undefined,
        });
        return ok({ guid });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/admin\/versions\/([^/]+)\/download$/,
      handle: (req) => packageReply(processes, req.params[0]),
    },
  ];
}
