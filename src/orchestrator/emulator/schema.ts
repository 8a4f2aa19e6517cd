import type { Migration } from '../../store/database.js';

/**
 * The emulator's database: the Orchestrator's object model reduced to what the robot protocol and
 * publishing touch (ORCHESTRATOR-PROTOCOL.md, "Object model"). Append-only migrations.
 */
export const emulatorMigrations: Migration[] = [
  {
    id: 1,
    name: 'orchestrator',
    sql: `
      CREATE TABLE robots (
        guid TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        machine TEXT NOT NULL DEFAULT '',
        ip TEXT NOT NULL DEFAULT '',
        mac TEXT NOT NULL DEFAULT '',
        status INTEGER NOT NULL DEFAULT 0,
        job_guid TEXT NOT NULL DEFAULT '',
        job_name TEXT NOT NULL DEFAULT '',
        last_heartbeat_at TEXT,
        created_at TEXT NOT NULL
      );
      -- Integration credentials (the Designer publishing): Basic base64(api key GUID).
      CREATE TABLE api_keys (
        guid TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE processes (
        guid TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        min_version_to_run TEXT NOT NULL DEFAULT '',
        process_type INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE versions (
        guid TEXT PRIMARY KEY,
        process_guid TEXT NOT NULL REFERENCES processes(guid),
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL DEFAULT '',
        package BLOB,
        created_at TEXT NOT NULL
      );
      CREATE TABLE queues (
        guid TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE TABLE tasks (
        guid TEXT PRIMARY KEY,
        queue_guid TEXT NOT NULL REFERENCES queues(guid),
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        deadline TEXT NOT NULL DEFAULT '',
        retries INTEGER NOT NULL DEFAULT 0,
        parameters TEXT NOT NULL DEFAULT '',
        status INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX tasks_next ON tasks (queue_guid, status, created_at);
      -- version_guid is NULL for attended runs (JobType 2) the robot reported by itself.
      CREATE TABLE jobs (
        guid TEXT PRIMARY KEY,
        robot_guid TEXT NOT NULL REFERENCES robots(guid),
        version_guid TEXT REFERENCES versions(guid),
        task_guid TEXT REFERENCES tasks(guid),
        name TEXT NOT NULL DEFAULT '',
        job_type INTEGER NOT NULL DEFAULT 1,
        priority INTEGER NOT NULL DEFAULT 2,
        status INTEGER NOT NULL,
        consumed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX jobs_robot ON jobs (robot_guid, status);
      CREATE TABLE job_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_guid TEXT NOT NULL REFERENCES jobs(guid),
        status INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX job_history_job ON job_history (job_guid, id);
      CREATE TABLE logs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guid TEXT NOT NULL,
        robot_guid TEXT NOT NULL,
        job_guid TEXT NOT NULL DEFAULT '',
        version_guid TEXT NOT NULL DEFAULT '',
        level TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX logs_job ON logs (job_guid, id);
      CREATE TABLE assets (
        guid TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        type INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        text TEXT,
        password TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE screenshots (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guid TEXT NOT NULL,
        robot_guid TEXT NOT NULL,
        job_guid TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        png BLOB NOT NULL,
        at TEXT NOT NULL
      );
    `,
  },
  {
    id: 2,
    name: 'log write time',
    // When the robot says when it wrote a line (Cairn's `Time` field of log/create), keep it beside
    // the arrival time: a backlog delivered after an outage still shows when things happened.
    sql: `ALTER TABLE logs ADD COLUMN written_at TEXT;`,
  },
];
