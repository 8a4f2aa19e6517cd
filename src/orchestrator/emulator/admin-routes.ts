import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { statements } from '../../store/database.js';
import { AssetType, JobStatus } from '../protocol.js';
import { normalizeGuid, type EmulatorContext, type RouteDef } from './context.js';
import { fail, isLoopback, ok, readBody } from './http.js';
import type { Jobs } from './jobs.js';
import { versionAnswer, type Processes } from './process-routes.js';

/**
 * The emulator's own admin API (JSON, no auth, loopback only): what an operator does in the
 * Orchestrator's web UI — register robots, publish, start/stop/abort jobs — and what tests inspect
 * (job history, logs in arrival order, every request seen).
 */

type Body = Record<string, unknown>;

async function readJson(req: IncomingMessage): Promise<Body> {
  const raw = (await readBody(req, 150 * 1024 * 1024)).toString('utf8').trim();
  if (!raw) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Body;
  } catch {}
  throw fail(400, 'The admin API takes a JSON object body.');
}

const need = (body: Body, name: string): string => {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw fail(400, `"${name}" is required (a non-empty string).`);
  return value.trim();
};
const optional = (body: Body, name: string): string | undefined => (typeof body[name] === 'string' ? body[name] : undefined);

function assetType(value: unknown): number {
  if (value === undefined) return AssetType.Text;
  const byName = Object.entries(AssetType).find(([name]) => name.toLowerCase() === String(value).toLowerCase());
  const type = byName ? byName[1] : Number(value);
  if (!Object.values(AssetType).includes(type as AssetType)) throw fail(400, `"type" must be 1 Credentials, 2 Text or 3 Calendar.`);
  return type;
}

export function adminRoutes(ctx: EmulatorContext, jobs: Jobs, processes: Processes): RouteDef[] {
  const sql = statements(ctx.db, {
    robot: 'INSERT INTO robots (guid, name, created_at) VALUES (?, ?, ?)',
    robots: 'SELECT * FROM robots ORDER BY created_at, rowid',
    robotExists: 'SELECT 1 FROM robots WHERE guid = ?',
    apiKey: 'INSERT INTO api_keys (guid, name, created_at) VALUES (?, ?, ?)',
    queue: 'INSERT INTO queues (guid, name, description, created_at) VALUES (?, ?, ?, ?)',
    asset: `INSERT INTO assets (guid, name, type, description, text, password, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    jobs: 'SELECT * FROM jobs WHERE (@robot IS NULL OR robot_guid = @robot) ORDER BY created_at, rowid',
    logs: `SELECT id, guid, robot_guid, job_guid, version_guid, level, message, at, written_at FROM logs
           WHERE (@job IS NULL OR job_guid = @job) ORDER BY id`,
    tasks: 'SELECT * FROM tasks WHERE (@queue IS NULL OR queue_guid = @queue) ORDER BY created_at, rowid',
    assets: `SELECT guid, name, type, description, text, password IS NOT NULL AND password <> '' AS has_password, updated_at
             FROM assets ORDER BY name`,
    queues: `SELECT q.guid, q.name, q.description, q.created_at, COUNT(t.guid) AS tasks
             FROM queues q LEFT JOIN tasks t ON t.queue_guid = q.guid GROUP BY q.guid ORDER BY q.name`,
    screenshots: `SELECT guid, robot_guid, job_guid, note, length(png) AS size, at FROM screenshots
                  WHERE (@job IS NULL OR job_guid = @job) ORDER BY id`,
  });

  const create = (insert: (guid: string, body: Body) => void) => async (req: { raw: IncomingMessage }) => {
    const body = await readJson(req.raw);
    const guid = typeof body.guid === 'string' && body.guid ? normalizeGuid(body.guid) : randomUUID();
    try {
      insert(guid, body);
    } catch (error) {
      if (error instanceof Error && /UNIQUE|PRIMARY KEY/.test(error.message)) throw fail(409, `Already exists: ${error.message}`);
      throw error;
    }
    return ok({ guid });
  };

  const requestStop = (guid: string, abort: boolean): ReturnType<Jobs['get']> => {
    const job = jobs.get(normalizeGuid(guid));
    if (!job) throw fail(404, `Job ${guid} not found.`);
    if (jobs.isFinal(job.status)) throw fail(409, `Job ${guid} has already finished.`);
    // A job no robot has started ends at once; a running one is asked through the heartbeat; an
    // abort overrides a pending stop, never the other way round.
    if (job.status === JobStatus.Aborting || (job.status === JobStatus.Stopping && !abort)) return job;
    const running = job.status === JobStatus.InProgress || job.status === JobStatus.Stopping;
    const next = running ? (abort ? JobStatus.Aborting : JobStatus.Stopping) : abort ? JobStatus.Aborted : JobStatus.Stopped;
    return jobs.transition(job.guid, next);
  };

  const filter = (req: { query: URLSearchParams }, name: string): string | null => {
    const value = req.query.get(name);
    return value ? normalizeGuid(value) : null;
  };

  const routes: RouteDef[] = [
    { methods: ['POST'], pattern: /^\/admin\/robots$/, handle: create((guid, b) => sql.robot.run(guid, need(b, 'name'), ctx.now())) },
    { methods: ['GET'], pattern: /^\/admin\/robots$/, handle: () => ok(sql.robots.all()) },
    {
      methods: ['GET'],
      pattern: /^\/admin\/processes$/,
      // Each process with its versions (no package bytes), for the web page.
      handle: () => ok(processes.processes().map((p) => ({ ...p, versions: processes.versionsOf(String(p.guid)).map(versionAnswer) }))),
    },
    {
      methods: ['GET'],
      pattern: /^\/admin\/versions\/([^/]+)\/download$/,
      handle(req) {
        const row = processes.package(normalizeGuid(req.params[0]));
        if (!row) throw fail(404, `Process version ${req.params[0]} not found.`);
        if (!row.package) throw fail(404, `Process version ${req.params[0]} has no package (a script-name version).`);
        return { status: 200, bytes: row.package, contentType: 'application/zip', fileName: row.file_name || 'package.cairn' };
      },
    },
    // Credentials' passwords never leave the emulator through the admin API: only whether one is set.
    { methods: ['GET'], pattern: /^\/admin\/assets$/, handle: () => ok(sql.assets.all()) },
    { methods: ['GET'], pattern: /^\/admin\/queues$/, handle: () => ok(sql.queues.all()) },
    { methods: ['POST'], pattern: /^\/admin\/apikeys$/, handle: create((guid, b) => sql.apiKey.run(guid, need(b, 'name'), ctx.now())) },
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
      methods: ['POST'],
      pattern: /^\/admin\/jobs$/,
      async handle(req) {
        const body = await readJson(req.raw);
        const robotGuid = normalizeGuid(need(body, 'robotGuid'));
        const versionGuid = normalizeGuid(need(body, 'versionGuid'));
        if (!sql.robotExists.get(robotGuid)) throw fail(404, `Robot ${robotGuid} not found.`);
        const version = processes.version(versionGuid);
        if (!version) throw fail(404, `Process version ${versionGuid} not found.`);
        const priority = body.priority === undefined ? 2 : Number(body.priority);
        if (![1, 2, 3].includes(priority)) throw fail(400, '"priority" must be 1 Low, 2 Normal or 3 High.');
        const taskGuid = optional(body, 'taskGuid');
        const guid = jobs.create({
          robotGuid,
          versionGuid,
          taskGuid: taskGuid ? normalizeGuid(taskGuid) : null,
          name: optional(body, 'name') ?? version.name,
          priority,
        });
        return ok({ guid });
      },
    },
    { methods: ['POST'], pattern: /^\/admin\/jobs\/([^/]+)\/stop$/, handle: (req) => ok(requestStop(req.params[0], false)) },
    { methods: ['POST'], pattern: /^\/admin\/jobs\/([^/]+)\/abort$/, handle: (req) => ok(requestStop(req.params[0], true)) },
    {
      methods: ['GET'],
      pattern: /^\/admin\/jobs$/,
      handle(req) {
        const rows = sql.jobs.all({ robot: filter(req, 'robotGuid') });
        return ok({ count: rows.length, jobs: rows });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/admin\/jobs\/([^/]+)$/,
      handle(req) {
        const job = jobs.get(normalizeGuid(req.params[0]));
        if (!job) throw fail(404, `Job ${req.params[0]} not found.`);
        return ok({ ...job, history: jobs.history(job.guid) });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/admin\/logs$/,
      handle(req) {
        const rows = sql.logs.all({ job: filter(req, 'jobGuid') });
        return ok({ count: rows.length, logs: rows });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/admin\/requests$/,
      handle(req) {
        const robot = filter(req, 'robotGuid');
        const path = req.query.get('path');
        const rows = ctx.requests.filter((r) => (!robot || r.robotGuid === robot) && (!path || r.path === path));
        return ok({ count: rows.length, requests: rows });
      },
    },
    {
      methods: ['POST'],
      pattern: /^\/admin\/assets$/,
      handle: create((guid, b) =>
        sql.asset.run(guid, need(b, 'name'), assetType(b.type), optional(b, 'description') ?? '', optional(b, 'text') ?? null, optional(b, 'password') ?? null, ctx.now()),
      ),
    },
    {
      methods: ['POST'],
      pattern: /^\/admin\/queues$/,
      handle: create((guid, b) => sql.queue.run(guid, need(b, 'name'), optional(b, 'description') ?? '', ctx.now())),
    },
    { methods: ['GET'], pattern: /^\/admin\/tasks$/, handle: (req) => ok(sql.tasks.all({ queue: filter(req, 'queueGuid') })) },
    { methods: ['GET'], pattern: /^\/admin\/screenshots$/, handle: (req) => ok(sql.screenshots.all({ job: filter(req, 'jobGuid') })) },
  ];

  // Loopback only: the admin API has no credentials, so it must not be reachable from the network.
  return routes.map((route) => ({
    ...route,
    handle(req) {
      if (!isLoopback(req.raw.socket.remoteAddress)) throw fail(403, 'The admin API answers on loopback only.');
      return route.handle(req);
    },
  }));
}
