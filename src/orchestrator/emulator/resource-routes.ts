import { randomUUID } from 'node:crypto';
import { statements } from '../../store/database.js';
import { field } from '../form.js';
import { LogLevelName, TaskStatus } from '../protocol.js';
import { normalizeGuid, type EmulatorContext, type RouteDef } from './context.js';
import { fail, ok, readForm, type Form } from './http.js';
import { intField } from './robot-routes.js';

/** Logs, assets (Text and Credentials), queues and tasks, and Cairn's screenshot extension. */

const str = (form: Form, name: string): string | undefined => {
  const value = field(form, name);
  return typeof value === 'string' ? value : undefined;
};

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Level as a name (any case) or a number (one vendor example sends numbers); stored as sent. */
function logLevel(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  const named = LogLevelName.find((name) => name.toLowerCase() === value.toLowerCase());
  if (named) return named;
  if (/^\d+$/.test(value)) return value;
  throw fail(400, `Level must be one of ${LogLevelName.join(', ')} (or a number); got "${value}".`);
}

/** Cairn's `Time` extension of log/create: an ISO 8601 time the robot wrote the line; else null. */
function writtenAt(raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (value === '') return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw fail(400, `Time must be an ISO 8601 date and time (e.g. 2026-01-31T09:15:00.000Z); got "${value}".`);
  return new Date(ms).toISOString();
}

type TaskRow = Record<string, unknown> & { guid: string; parameters: string };

/** Tasks as the vendor's REST answers them: snake_case fields, parameters as a JSON string. */
const taskAnswer = (row: TaskRow): Record<string, unknown> => ({ ...row, queue_id: row.queue_guid });

export function resourceRoutes(ctx: EmulatorContext): RouteDef[] {
  const sql = statements(ctx.db, {
    log: `INSERT INTO logs (guid, robot_guid, job_guid, version_guid, level, message, at, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    assets: `SELECT guid, name, type, description, text, updated_at
             FROM assets ORDER BY name`,
    asset: 'SELECT * FROM assets WHERE guid = ? OR name = ? LIMIT 1',
    assetUpdate: `UPDATE assets SET text = COALESCE(@text, text), password = COALESCE(@password, password), updated_at = @at
                  WHERE guid = @guid`,
    queue: 'SELECT guid FROM queues WHERE guid = ? OR name = ? LIMIT 1',
    taskInsert: `INSERT INTO tasks (guid, queue_guid, name, description, comment, deadline, retries, parameters, status, created_at, updated_at)
                 VALUES (@guid, @queue, @name, @description, @comment, @deadline, @retries, @parameters, 0, @at, @at)`,
    task: 'SELECT * FROM tasks WHERE guid = ? OR name = ? ORDER BY created_at LIMIT 1',
    taskUpdate: `UPDATE tasks SET status = COALESCE(@status, status), comment = COALESCE(@comment, comment),
                 parameters = COALESCE(@parameters, parameters), updated_at = @at WHERE guid = @guid`,
    nextTask: `SELECT * FROM tasks WHERE queue_guid = ? AND status IN (${TaskStatus.New}, ${TaskStatus.Postponed})
               ORDER BY created_at, rowid LIMIT 1`,
    screenshot: 'INSERT INTO screenshots (guid, robot_guid, job_guid, note, png, at) VALUES (?, ?, ?, ?, ?, ?)',
  });

  const findAsset = (key: string): Record<string, unknown> => {
    const asset = sql.asset.get(normalizeGuid(key), key) as Record<string, unknown> | undefined;
    if (!asset) throw fail(404, `Asset "${key}" not found.`);
    return asset;
  };
  const assetAnswer = (asset: Record<string, unknown>): Record<string, unknown> => ({
    ...asset,
    password_expiration: null,
    robot_type: 3, // every asset of the emulator is visible to all robots
    robot_id: null,
    robot_group_id: null,
  });

  return [
    {
      methods: ['POST'],
      pattern: /^\/api\/log\/create$/,
      async handle(req) {
        const caller = ctx.caller(req.raw);
        const { form } = await readForm(req.raw);
        const message = str(form, 'Message');
        if (message === undefined || message === '') throw fail(400, 'Message is required.');
        const guid = randomUUID();
        const robot = normalizeGuid(str(form, 'RobotGUID') ?? caller.guid) || caller.guid;
        const job = normalizeGuid(str(form, 'JobGUID') ?? '');
        const version = normalizeGuid(str(form, 'ProcessVersionGUID') ?? '');
        sql.log.run(guid, robot, job, version, logLevel(str(form, 'Level')), message, ctx.now(), writtenAt(str(form, 'Time')));
        return ok({ ErrorCode: 0, ErrorText: '', guid });
      },
    },
    {
      // No name: the list, without passwords (the Designer shows names to pick; values stay put).
      methods: ['GET'],
      pattern: /^\/api\/asset\/read$/,
      handle(req) {
        ctx.caller(req.raw);
        return ok((sql.assets.all() as Record<string, unknown>[]).map((asset) => ({ ...assetAnswer(asset), password: null })));
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/asset\/read\/(.+)$/,
      handle(req) {
        ctx.caller(req.raw);
        return ok(assetAnswer(findAsset(req.params[0])));
      },
    },
    {
      methods: ['PUT', 'POST'],
      pattern: /^\/api\/asset\/update$/,
      async handle(req) {
        ctx.caller(req.raw);
        const { form } = await readForm(req.raw);
        const key = str(form, 'GUID') || str(form, 'Name');
        if (!key) throw fail(400, 'GUID or Name of the asset is required.');
        const asset = findAsset(key);
        sql.assetUpdate.run({ guid: asset.guid, text: str(form, 'Text') ?? null, password: str(form, 'Password') ?? null, at: ctx.now() });
        return ok(assetAnswer(findAsset(String(asset.guid))));
      },
    },
    {
      methods: ['POST'],
      pattern: /^\/api\/task\/create$/,
      async handle(req) {
        ctx.caller(req.raw);
        const { form } = await readForm(req.raw);
        const name = str(form, 'Name');
        if (!name) throw fail(400, 'Name of the task is required.');
        const queueKey = str(form, 'QueueGuid') || str(form, 'queue_guid') || '';
        const queue = sql.queue.get(normalizeGuid(queueKey), queueKey) as { guid: string } | undefined;
        if (!queue) throw fail(404, `Queue "${queueKey}" not found.`);
        const retries = str(form, 'Retries') || '0';
        if (!/^\d+$/.test(retries)) throw fail(400, `Retries must be a whole number; got "${retries}".`);
        const guid = randomUUID();
        sql.taskInsert.run({
          guid,
          queue: queue.guid,
          name,
          description: str(form, 'Description') ?? '',
          comment: str(form, 'Comment') ?? '',
          deadline: str(form, 'Deadline') ?? '',
          retries: Number(retries),
          parameters: str(form, 'Parameters') ?? '',
          at: ctx.now(),
        });
        return ok({ guid });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/task\/read\/(.+)$/,
      handle(req) {
        ctx.caller(req.raw);
        const key = req.params[0];
        const task = sql.task.get(normalizeGuid(key), key) as TaskRow | undefined;
        if (!task) throw fail(404, `Task "${key}" not found.`);
        return ok(taskAnswer(task));
      },
    },
    {
      methods: ['PUT', 'POST'],
      pattern: /^\/api\/task\/update$/,
      async handle(req) {
        ctx.caller(req.raw);
        const { form } = await readForm(req.raw);
        const guid = normalizeGuid(str(form, 'GUID') ?? '');
        if (!sql.task.get(guid, '')) throw fail(404, `Task "${guid}" not found.`);
        const status = str(form, 'Status') ? intField(form, 'Status', Object.values(TaskStatus)) : null;
        sql.taskUpdate.run({ guid, status, comment: str(form, 'Comment') ?? null, parameters: str(form, 'Parameters') ?? null, at: ctx.now() });
        return ok(taskAnswer(sql.task.get(guid, '') as TaskRow));
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/queue\/lastTask\/(.+)$/,
      handle(req) {
        ctx.caller(req.raw);
        const key = req.params[0];
        const queue = sql.queue.get(normalizeGuid(key), key) as { guid: string } | undefined;
        if (!queue) throw fail(404, `Queue "${key}" not found.`);
        // Taking the next task marks it InProgress in the same transaction: two robots never get one task.
        const take = ctx.db.transaction(() => {
          const task = sql.nextTask.get(queue.guid) as TaskRow | undefined;
          if (task) sql.taskUpdate.run({ guid: task.guid, status: TaskStatus.InProgress, comment: null, parameters: null, at: ctx.now() });
          return task ? (sql.task.get(task.guid, '') as TaskRow) : undefined;
        });
        const task = take();
        return ok(task ? taskAnswer(task) : null);
      },
    },
    {
      methods: ['POST'],
      pattern: /^\/api\/screenshot\/create$/,
      async handle(req) {
        const caller = ctx.caller(req.raw);
        const { form, files } = await readForm(req.raw);
        const png = files[0]?.data ?? Buffer.from(str(form, 'Screenshot') ?? '', 'base64');
        if (png.length < PNG_MAGIC.length || !png.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) {
          throw fail(400, 'Screenshot must be a PNG image (base64 in the Screenshot field).');
        }
        const guid = randomUUID();
        sql.screenshot.run(guid, caller.guid, normalizeGuid(str(form, 'JobGUID') ?? ''), str(form, 'Note') ?? '', png, ctx.now());
        return ok({ ErrorCode: 0, ErrorText: '', guid });
      },
    },
  ];
}
