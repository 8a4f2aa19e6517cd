import type { Database } from 'better-sqlite3';
import { statements } from './database.js';

/**
 * The Assistant's tables (migration 5): the process list and the run history with its whole log.
 * Log lines written in the same event-loop turn share one transaction (a chatty run must not
 * stall the app); a run's end flushes them first, so a finished run always has all its lines.
 */

export type ProcessKind = 'project' | 'package' | 'orchestrator';

export type StoredProcess = {
  id: string;
  kind: ProcessKind;
  /** Project folder, `.cairn` file, or (orchestrator) the cached unpacked version folder. */
  path: string;
  name: string;
  description: string;
  favourite: boolean;
  hotkey: string | null;
  autostart: boolean;
  processGuid: string | null;
  versionGuid: string | null;
  versionName: string | null;
  addedAt: number;
};

export type RunResultText = 'success' | 'failed' | 'stopped' | 'aborted';

export type HistoryRun = {
  runGuid: string;
  processId: string;
  name: string;
  startedAt: number;
  finishedAt: number | null;
  result: RunResultText | null;
  args: Record<string, unknown>;
  outputs: Record<string, unknown>;
  errorStep: string | null;
  errorMessage: string | null;
  /** Reported to the Orchestrator (the run had a connection). */
  reported: boolean;
  screenshots: number;
};

export type HistoryLogLine = { at: number; level: string; message: string };

export type HistoryFilter = { processId?: string; result?: RunResultText; search?: string; limit?: number };

export type AssistantStore = {
  processes(): StoredProcess[];
  process(id: string): StoredProcess | null;
  upsertProcess(process: Omit<StoredProcess, 'favourite' | 'hotkey' | 'autostart' | 'addedAt'> & Partial<StoredProcess>): StoredProcess;
  updateProcess(id: string, patch: { favourite?: boolean; hotkey?: string | null; autostart?: boolean }): StoredProcess | null;
  removeProcess(id: string): void;

  beginRun(run: { runGuid: string; processId: string; name: string; args: Record<string, unknown>; reported: boolean }): void;
  log(runGuid: string, level: string, message: string, at?: number): void;
  screenshot(runGuid: string, png: Buffer, note?: string): void;
  finishRun(runGuid: string, end: { result: RunResultText; outputs: Record<string, unknown>; errorStep?: string; errorMessage?: string }): void;
  /** Runs left without an end (the app was killed): marked failed with a reason. */
  closeInterrupted(reason: string): number;
  runs(filter: HistoryFilter): HistoryRun[];
  run(runGuid: string): HistoryRun | null;
  logOf(runGuid: string): HistoryLogLine[];
  screenshotsOf(runGuid: string): { at: number; note: string; pngBase64: string }[];
  lastRunOf(processId: string): HistoryRun | null;
  /** Deletes runs older than `days` and beyond the newest `count`; returns how many. */
  applyRetention(retention: { days?: number; count?: number }): number;
  flush(): void;
};

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

type RawRun = {
  run_guid: string;
  process_id: string;
  name: string;
  started_at: number;
  finished_at: number | null;
  result: RunResultText | null;
  args: string;
  outputs: string;
  error_step: string | null;
  error_message: string | null;
  reported: number;
  screenshots: number;
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

const parseObject = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

const toRun = (row: RawRun): HistoryRun => ({
  runGuid: row.run_guid,
  processId: row.process_id,
  name: row.name,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  result: row.result,
  args: parseObject(row.args),
  outputs: parseObject(row.outputs),
  errorStep: row.error_step,
  errorMessage: row.error_message,
  reported: row.reported === 1,
  screenshots: row.screenshots,
});

const RUN_COLUMNS = `h.*, (SELECT COUNT(*) FROM run_screenshots s WHERE s.run_guid = h.run_guid) AS screenshots`;

export function createAssistantStore(db: Database, now: () => number = Date.now): AssistantStore {
  const sql = statements(db, {
    processes: `SELECT * FROM assistant_processes ORDER BY favourite DESC, name COLLATE NOCASE`,
    process: `SELECT * FROM assistant_processes WHERE id = ?`,
    upsert: `INSERT INTO assistant_processes (id, kind, path, name, description, favourite, hotkey, autostart, process_guid, version_guid, version_name, added_at)
             VALUES (@id, @kind, @path, @name, @description, @favourite, @hotkey, @autostart, @processGuid, @versionGuid, @versionName, @addedAt)
             ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, path = excluded.path, name = excluded.name,
               description = excluded.description, process_guid = excluded.process_guid,
               version_guid = excluded.version_guid, version_name = excluded.version_name`,
    update: `UPDATE assistant_processes SET favourite = @favourite, hotkey = @hotkey, autostart = @autostart WHERE id = @id`,
    remove: `DELETE FROM assistant_processes WHERE id = ?`,
    begin: `INSERT INTO run_history (run_guid, process_id, name, started_at, args, reported) VALUES (?, ?, ?, ?, ?, ?)`,
    log: `INSERT INTO run_log (run_guid, at, level, message) VALUES (?, ?, ?, ?)`,
    screenshot: `INSERT INTO run_screenshots (run_guid, at, note, png) VALUES (?, ?, ?, ?)`,
    finish: `UPDATE run_history SET finished_at = ?, result = ?, outputs = ?, error_step = ?, error_message = ? WHERE run_guid = ?`,
    interrupted: `SELECT run_guid FROM run_history WHERE finished_at IS NULL`,
    run: `SELECT ${RUN_COLUMNS} FROM run_history h WHERE run_guid = ?`,
    runs: `SELECT ${RUN_COLUMNS} FROM run_history h
           WHERE (@processId IS NULL OR h.process_id = @processId)
             AND (@result IS NULL OR h.result = @result)
             AND (@search IS NULL OR EXISTS (SELECT 1 FROM run_log l WHERE l.run_guid = h.run_guid AND instr(lower(l.message), lower(@search)) > 0)
                  OR instr(lower(h.name), lower(@search)) > 0)
           ORDER BY h.started_at DESC, h.rowid DESC LIMIT @limit`,
    lastOf: `SELECT ${RUN_COLUMNS} FROM run_history h WHERE process_id = ? AND finished_at IS NOT NULL ORDER BY started_at DESC, rowid DESC LIMIT 1`,
    logOf: `SELECT at, level, message FROM run_log WHERE run_guid = ? ORDER BY id`,
    shotsOf: `SELECT at, note, png FROM run_screenshots WHERE run_guid = ? ORDER BY id`,
    olderThan: `DELETE FROM run_history WHERE finished_at IS NOT NULL AND started_at < ?`,
    beyondCount: `DELETE FROM run_history WHERE finished_at IS NOT NULL AND run_guid NOT IN
                  (SELECT run_guid FROM run_history ORDER BY started_at DESC, rowid DESC LIMIT ?)`,
  });

  let pending: [string, number, string, string][] = [];
  let scheduled: NodeJS.Immediate | null = null;
  const writeLines = db.transaction((lines: typeof pending) => {
    for (const line of lines) sql.log.run(...line);
  });
  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    writeLines(lines);
  };

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

    beginRun(run) {
      sql.begin.run(run.runGuid, run.processId, run.name, now(), JSON.stringify(run.args), run.reported ? 1 : 0);
    },
    log(runGuid, level, message, at) {
      pending.push([runGuid, at ?? now(), level, message]);
      if (pending.length >= 1000) flush();
      else scheduled ??= setImmediate(flush);
    },
    screenshot(runGuid, png, note) {
      flush();
      sql.screenshot.run(runGuid, now(), note ?? '', png);
    },
    finishRun(runGuid, end) {
      flush();
      sql.finish.run(now(), end.result, JSON.stringify(end.outputs), end.errorStep ?? null, end.errorMessage ?? null, runGuid);
    },
    closeInterrupted(reason) {
      const rows = sql.interrupted.all() as { run_guid: string }[];
      for (const { run_guid } of rows) {
        sql.log.run(run_guid, now(), 'error', reason);
        sql.finish.run(now(), 'failed', '{}', null, reason, run_guid);
      }
      return rows.length;
    },
    runs(filter) {
      flush();
      const search = filter.search?.trim() || null;
      return (
        sql.runs.all({ processId: filter.processId ?? null, result: filter.result ?? null, search, limit: filter.limit ?? 500 }) as RawRun[]
      ).map(toRun);
    },
    run(runGuid) {
      const row = sql.run.get(runGuid) as RawRun | undefined;
      return row ? toRun(row) : null;
    },
    logOf(runGuid) {
      flush();
      return sql.logOf.all(runGuid) as HistoryLogLine[];
    },
    screenshotsOf(runGuid) {
      return (sql.shotsOf.all(runGuid) as { at: number; note: string; png: Buffer }[]).map((s) => ({
        at: s.at,
        note: s.note,
        pngBase64: s.png.toString('base64'),
      }));
    },
    lastRunOf(processId) {
      const row = sql.lastOf.get(processId) as RawRun | undefined;
      return row ? toRun(row) : null;
    },
    applyRetention({ days, count }) {
      let removed = 0;
      if (days !== undefined && days > 0) removed += sql.olderThan.run(now() - days * 24 * 3600_000).changes;
      if (count !== undefined && count > 0) removed += sql.beyondCount.run(count).changes;
      return removed;
    },
    flush,
  };
}
