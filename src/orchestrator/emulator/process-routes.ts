import { randomUUID } from 'node:crypto';
import { statements } from '../../store/database.js';
import { normalizeGuid, type EmulatorContext, type RouteDef } from './context.js';
import { trimmedField as str } from './form-fields.js';
import { PACKAGE_CAP, fail, ok, readForm, type Reply } from './http.js';

/** Processes and their versions: publishing (multipart upload), reading, Cairn's download call. */

type VersionRow = {
  guid: string;
  process_guid: string;
  name: string;
  description: string;
  file_name: string;
  created_at: string;
  size: number | null;
};

export type Processes = ReturnType<typeof createProcesses>;

export function createProcesses(ctx: EmulatorContext) {
  const sql = statements(ctx.db, {
    insertProcess: `INSERT INTO processes (guid, name, description, min_version_to_run, process_type, created_at)
                    VALUES (@guid, @name, @description, @min, @type, @at)`,
    process: 'SELECT guid, name, description, min_version_to_run, process_type, created_at FROM processes WHERE guid = ?',
    // current_version_guid (Cairn extension, read by the Assistant): the newest version with a
    // package — the emulator has no "make current" action, so the latest upload is current.
    processes: `SELECT p.guid, p.name, p.description, p.min_version_to_run, p.process_type, p.created_at,
                  (SELECT v.guid FROM versions v WHERE v.process_guid = p.guid AND v.package IS NOT NULL
                   ORDER BY v.created_at DESC, v.rowid DESC LIMIT 1) AS current_version_guid,
                  (SELECT v.name FROM versions v WHERE v.process_guid = p.guid AND v.package IS NOT NULL
                   ORDER BY v.created_at DESC, v.rowid DESC LIMIT 1) AS current_version_name
                FROM processes p ORDER BY p.created_at, p.rowid`,
    insertVersion: `INSERT INTO versions (guid, process_guid, name, description, file_name, package, created_at)
                    VALUES (@guid, @process, @name, @description, @fileName, @package, @at)`,
    version: `SELECT guid, process_guid, name, description, file_name, created_at, length(package) AS size
              FROM versions WHERE guid = ?`,
    package: 'SELECT package, file_name FROM versions WHERE guid = ?',
    versionsOf: `SELECT guid, process_guid, name, description, file_name, created_at, length(package) AS size
                 FROM versions WHERE process_guid = ? ORDER BY created_at, rowid`,
  });
  return {
    createProcess(input: { name: string; description?: string; minVersionToRun?: string; processType?: number }): string {
      const guid = randomUUID();
      sql.insertProcess.run({
        guid,
        name: input.name,
        description: input.description ?? '',
        min: input.minVersionToRun ?? '',
        type: input.processType ?? 0,
        at: ctx.now(),
      });
      return guid;
    },
    createVersion(input: { processGuid: string; name: string; description?: string; fileName?: string; file?: Buffer }): string {
      if (!sql.process.get(input.processGuid)) throw fail(404, `Process ${input.processGuid} not found.`);
      const guid = randomUUID();
      sql.insertVersion.run({
        guid,
        process: input.processGuid,
        name: input.name,
        description: input.description ?? '',
        fileName: input.fileName ?? '',
        package: input.file ?? null,
        at: ctx.now(),
      });
      return guid;
    },
    process: (guid: string) => sql.process.get(guid) as Record<string, unknown> | undefined,
    processes: () => sql.processes.all() as Record<string, unknown>[],
    version: (guid: string) => sql.version.get(guid) as VersionRow | undefined,
    versionsOf: (processGuid: string) => sql.versionsOf.all(processGuid) as VersionRow[],
    package: (guid: string) => sql.package.get(guid) as { package: Buffer | null; file_name: string } | undefined,
  };
}

/** A version as the vendor's processVersion/read answers it (`process_id` carries the process GUID). */
export const versionAnswer = (row: VersionRow): Record<string, unknown> => ({
  guid: row.guid,
  process_guid: row.process_guid,
  process_id: row.process_guid,
  name: row.name,
  description: row.description,
  process_file_name: row.file_name,
  size: row.size ?? 0,
  created_at: row.created_at,
});

/** A version's package file as a download; 404 for an unknown version or a script-name one. */
export function packageReply(processes: Processes, versionGuid: string): Reply {
  const row = processes.package(normalizeGuid(versionGuid));
  if (!row) throw fail(404, `Process version ${versionGuid} not found.`);
  if (!row.package) throw fail(404, `Process version ${versionGuid} has no package (a script-name version).`);
  return { status: 200, bytes: row.package, contentType: 'application/zip', fileName: row.file_name || 'package.cairn' };
}

/** `maxPackageBytes`: the largest upload accepted (413 beyond it). */
export function processRoutes(ctx: EmulatorContext, processes: Processes, maxPackageBytes = PACKAGE_CAP): RouteDef[] {
  return [...processCalls(ctx, processes), ...versionCalls(ctx, processes, maxPackageBytes)];
}

/** The vendor's process calls: create one (an API key publishing), read one or all. */
function processCalls(ctx: EmulatorContext, processes: Processes): RouteDef[] {
  return [
    {
      methods: ['POST'],
      pattern: /^\/api\/process\/create$/,
      async handle(req) {
        ctx.integration(req.raw);
        const { form } = await readForm(req.raw);
        const name = str(form, 'Name');
        if (!name) throw fail(400, 'Name of the process is required.');
        const type = str(form, 'ProcessType') || '0';
        if (type !== '0' && type !== '1') throw fail(400, `ProcessType must be 0 (process) or 1 (package); got "${type}".`);
        const guid = processes.createProcess({
          name,
          description: str(form, 'Description'),
          minVersionToRun: str(form, 'MinVersionToRun'),
          processType: Number(type),
        });
        return ok({ guid });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/process\/read(?:\/([^/]+))?$/,
      handle(req) {
        ctx.caller(req.raw);
        const guid = req.params[0];
        if (!guid) return ok(processes.processes());
        const process = processes.process(normalizeGuid(guid));
        if (!process) throw fail(404, `Process ${guid} not found.`);
        return ok(process);
      },
    },
  ];
}

/** The vendor's version calls: upload a package, list and read versions, and Cairn's download. */
function versionCalls(ctx: EmulatorContext, processes: Processes, maxPackageBytes: number): RouteDef[] {
  return [
    {
      methods: ['POST'],
      pattern: /^\/api\/processVersion\/create$/,
      async handle(req) {
        ctx.integration(req.raw);
        const { form, files } = await readForm(req.raw, maxPackageBytes);
        const processGuid = normalizeGuid(str(form, 'ProcessGuid'));
        const name = str(form, 'Name');
        const file = files.find((f) => f.field === 'ProcessFile');
        if (!processGuid) throw fail(400, 'ProcessGuid is required.');
        if (!name) throw fail(400, 'Name of the version is required.');
        if (!file || file.data.length === 0) throw fail(400, 'ProcessFile (the packaged project, multipart upload) is required.');
        const guid = processes.createVersion({
          processGuid,
          name,
          description: str(form, 'Description'),
          fileName: file.fileName,
          file: file.data,
        });
        return ok({ guid });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/processVersion\/list\/([^/]+)$/,
      handle(req) {
        ctx.caller(req.raw);
        const processGuid = normalizeGuid(req.params[0]);
        if (!processes.process(processGuid)) throw fail(404, `Process ${req.params[0]} not found.`);
        return ok(processes.versionsOf(processGuid).map(versionAnswer));
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/processVersion\/read\/([^/]+)$/,
      handle(req) {
        ctx.caller(req.raw);
        const version = processes.version(normalizeGuid(req.params[0]));
        if (!version) throw fail(404, `Process version ${req.params[0]} not found.`);
        return ok(versionAnswer(version));
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/api\/processVersion\/download\/([^/]+)$/,
      handle(req) {
        ctx.caller(req.raw);
        return packageReply(processes, req.params[0]);
      },
    },
  ];
}
