import type { Migration } from './database.js';

/**
 * The app database's schema, as numbered migrations for `openDatabase` (src/store/database.ts).
 * Append only: an applied migration is hash-checked, so a change to one already shipped is
 * refused — add a new migration instead.
 */
export const appMigrations: Migration[] = [
  {
    id: 1,
    name: 'outbox',
    // One ordered stream per robot: `id` is the delivery order. Delivered rows keep their
    // delivered_at so a backlog can be audited; `pruneDelivered` removes old ones.
    sql: `
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        robot_guid TEXT NOT NULL,
        kind TEXT NOT NULL,
        job_guid TEXT,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at INTEGER,
        last_error TEXT,
        delivered_at INTEGER,
        rejected INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX outbox_pending ON outbox (robot_guid, delivered_at, id);
    `,
  },
  {
    id: 2,
    name: 'settings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    id: 3,
    name: 'robot_runs',
    // Local state of every job/run the robot executed: crash recovery reads the InProgress ones,
    // the run history lists them all.
    sql: `
      CREATE TABLE robot_runs (
        job_guid TEXT PRIMARY KEY,
        robot_guid TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        version_guid TEXT,
        status INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        reason TEXT
      );
      CREATE INDEX robot_runs_status ON robot_runs (robot_guid, status);
      CREATE INDEX robot_runs_started ON robot_runs (started_at);
    `,
  },
  {
    id: 4,
    name: 'robot_runs_process',
    // The process a job started outside the engine (a Python script in its own process group):
    // crash recovery ends it if a killed robot left it running.
    sql: `
      ALTER TABLE robot_runs ADD COLUMN pid INTEGER;
      ALTER TABLE robot_runs ADD COLUMN command TEXT;
    `,
  },
  {
    id: 5,
    name: 'assistant',
    // The Assistant (attended robot app): the processes the user added or the Orchestrator lists,
    // and the history of every run it started — arguments (secrets masked), result, the whole log
    // and screenshots — kept until the retention setting removes it.
    sql: `
      CREATE TABLE assistant_processes (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        favourite INTEGER NOT NULL DEFAULT 0,
        hotkey TEXT,
        autostart INTEGER NOT NULL DEFAULT 0,
        process_guid TEXT,
        version_guid TEXT,
        version_name TEXT,
        added_at INTEGER NOT NULL
      );
      CREATE TABLE run_history (
        run_guid TEXT PRIMARY KEY,
        process_id TEXT NOT NULL,
        name TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        result TEXT,
        args TEXT NOT NULL DEFAULT '{}',
        outputs TEXT NOT NULL DEFAULT '{}',
        error_step TEXT,
        error_message TEXT,
        reported INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX run_history_started ON run_history (started_at);
      CREATE INDEX run_history_process ON run_history (process_id, started_at);
      CREATE TABLE run_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_guid TEXT NOT NULL REFERENCES run_history(run_guid) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        level TEXT NOT NULL,
        message TEXT NOT NULL
      );
      CREATE INDEX run_log_run ON run_log (run_guid, id);
      CREATE TABLE run_screenshots (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_guid TEXT NOT NULL REFERENCES run_history(run_guid) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        png BLOB NOT NULL
      );
      CREATE INDEX run_screenshots_run ON run_screenshots (run_guid);
    `,
  },
];
