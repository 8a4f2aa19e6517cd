import { createTurnBatch, type TurnBatch } from '../util/turnBatch.js';
import type { Database } from 'better-sqlite3';
import type { ProcessList } from './assistantProcessList.js';
import type { AssistantStore, HistoryLogLine, HistoryRun, RunResultText } from './assistantStore.js';
import { statements } from './database.js';

/**
 * The Assistant's run history (tables run_history, run_log, run_screenshots). Log lines written
 * in the same event-loop turn share one transaction (a chatty run must not stall the app); a
 * run's end, a screenshot and every read flush them first, so what is read is whole.
 */

export type RunHistory = Omit<AssistantStore, keyof ProcessList>;

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

const HISTORY_SQL = {
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
};

type Statements = ReturnType<typeof statements<keyof typeof HISTORY_SQL>>;
type LogLine = [string, number, string, string];

/** Collects log lines and writes them in one transaction when the turn ends (or at 1000 lines). */
function createLogBatch(db: Database, sql: Statements): TurnBatch<LogLine> {
  const writeLines = db.transaction((lines: LogLine[]) => {
    for (const line of lines) sql.log.run(...line);
  });
  return createTurnBatch<LogLine>((lines) => writeLines(lines));
}

export function createRunHistory(db: Database, now: () => number): RunHistory {
  const sql = statements(db, HISTORY_SQL);
  const batch = createLogBatch(db, sql);
  const flush = batch.flush;
  return {
    beginRun(run) {
      sql.begin.run(run.runGuid, run.processId, run.name, now(), JSON.stringify(run.args), run.reported ? 1 : 0);
    },
    log(runGuid, level, message, at) {
      batch.add([runGuid, at ?? now(), level, message]);
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
    ...historyReads(sql, flush),
    applyRetention({ days, count }) {
      let removed = 0;
      if (days !== undefined && days > 0) removed += sql.olderThan.run(now() - days * 24 * 3600_000).changes;
      if (count !== undefined && count > 0) removed += sql.beyondCount.run(count).changes;
      return removed;
    },
    flush,
  };
}

/** The history page's reads: the filtered list, one run, its log and screenshots. */
function historyReads(sql: Statements, flush: () => void): Pick<RunHistory, 'runs' | 'run' | 'logOf' | 'screenshotsOf' | 'lastRunOf'> {
  return {
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
  };
}
