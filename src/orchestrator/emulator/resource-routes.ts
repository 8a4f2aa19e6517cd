import { randomUUID } from 'node:crypto';
import { statements } from '../../store/database.js';
import { LogLevelName } from '../protocol.js';
import { normalizeGuid, type EmulatorContext, type RouteDef } from './context.js';
import { formText as str } from './form-fields.js';
import { fail, ok, readForm } from './http.js';
import { taskRoutes } from './task-routes.js';

/** Logs, assets (Text and Credentials), queues and tasks (task-routes.ts), and Cairn's screenshot extension. */

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

export function resourceRoutes(ctx: EmulatorContext): RouteDef[] {
  return [...logRoutes(ctx), ...assetRoutes(ctx), ...taskRoutes(ctx)];
}

/** What a robot reports of a job beyond its status: log lines and screenshots. */
function logRoutes(ctx: EmulatorContext): RouteDef[] {
  const sql = statements(ctx.db, {
    log: `INSERT INTO logs (guid, robot_guid, job_guid, version_guid, level, message, at, written_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    screenshot: 'INSERT INTO screenshots (guid, robot_guid, job_guid, note, png, at) VALUES (?, ?, ?, ?, ?, ?)',
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

/** Assets (Text and Credentials): a robot reads them by name or GUID and may update them. */
function assetRoutes(ctx: EmulatorContext): RouteDef[] {
  const sql = statements(ctx.db, {
    assets: `SELECT guid, name, type, description, text, updated_at
             FROM assets ORDER BY name`,
    asset: 'SELECT * FROM assets WHERE guid = ? OR name = ? LIMIT 1',
    assetUpdate: `UPDATE assets SET text = COALESCE(@text, text), password = COALESCE(@password, password), updated_at = @at
                  WHERE guid = @guid`,
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
  ];
}
