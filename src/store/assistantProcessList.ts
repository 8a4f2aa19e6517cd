import type { Database } from 'better-sqlite3';
import type { AssistantStore, ProcessKind, StoredProcess } from './assistantStore.js';
import { statements } from './database.js';

/** The Assistant's process list (table assistant_processes): what the user added, and published processes. */

export type ProcessList = Pick<AssistantStore, 'processes' | 'process' | 'upsertProcess' | 'updateProcess' | 'removeProcess'>;

type RawProcess = {
  id: string;
  kind: ProcessKind;
  path: string;
  name: string;
  description: string;
  favourite: number;
  hotkey: string | null;
  autostart: number;
  process_guid: string | null;
  version_guid: string | null;
  version_name: string | null;
  added_at: number;
};

const toProcess = (row: RawProcess): StoredProcess => ({
  id: row.id,
  kind: row.kind,
  path: row.path,
  name: row.name,
  description: row.description,
  favourite: row.favourite === 1,
  hotkey: row.hotkey,
  autostart: row.autostart === 1,
  processGuid: row.process_guid,
  versionGuid: row.version_guid,
  versionName: row.version_name,
  addedAt: row.added_at,
});

const PROCESS_SQL = {
  processes: `SELECT * FROM assistant_processes ORDER BY favourite DESC, name COLLATE NOCASE`,
  process: `SELECT * FROM assistant_processes WHERE id = ?`,
  upsert: `INSERT INTO assistant_processes (id, kind, path, name, description, favourite, hotkey, autostart, process_guid, version_guid, version_name, added_at)
           VALUES (@id, @kind, @path, @name, @description, @favourite, @hotkey, @autostart, @processGuid, @versionGuid, @versionName, @addedAt)
           ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, path = excluded.path, name = excluded.name,
             description = excluded.description, process_guid = excluded.process_guid,
             version_guid = excluded.version_guid, version_name = excluded.version_name`,
  update: `UPDATE assistant_processes SET favourite = @favourite, hotkey = @hotkey, autostart = @autostart WHERE id = @id`,
  remove: `DELETE FROM assistant_processes WHERE id = ?`,
};

/** Adding a process again updates what it is (path, name, version) but keeps the user's choices for it. */
export function createProcessList(db: Database, now: () => number): ProcessList {
  const sql = statements(db, PROCESS_SQL);
  const get = (id: string) => {
    const row = sql.process.get(id) as RawProcess | undefined;
    return row ? toProcess(row) : null;
  };
  return {
    processes: () => (sql.processes.all() as RawProcess[]).map(toProcess),
    process: get,
    upsertProcess(process) {
      const existing = get(process.id);
      sql.upsert.run({
        id: process.id,
        kind: process.kind,
        path: process.path,
        name: process.name,
        description: process.description ?? '',
        favourite: (process.favourite ?? existing?.favourite) ? 1 : 0,
        hotkey: process.hotkey ?? existing?.hotkey ?? null,
        autostart: (process.autostart ?? existing?.autostart) ? 1 : 0,
        processGuid: process.processGuid ?? null,
        versionGuid: process.versionGuid ?? null,
        versionName: process.versionName ?? null,
        addedAt: existing?.addedAt ?? now(),
      });
      return get(process.id)!;
    },
    updateProcess(id, patch) {
      const existing = get(id);
      if (!existing) return null;
      sql.update.run({
        id,
        favourite: (patch.favourite ?? existing.favourite) ? 1 : 0,
        hotkey: patch.hotkey === undefined ? existing.hotkey : patch.hotkey,
        autostart: (patch.autostart ?? existing.autostart) ? 1 : 0,
      });
      return get(id);
    },
    removeProcess(id) {
      sql.remove.run(id);
    },
  };
}
