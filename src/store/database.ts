import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The one way Cairn opens a SQLite database (DESIGN.md §5): WAL, foreign keys, a busy timeout,
 * and numbered migrations recorded in `schema_migrations` with the sha256 of their SQL. Each
 * migration runs in its own transaction, so a failing one leaves the database as it was before it.
 * A migration whose SQL changed after it was applied is refused: editing shipped history would
 * leave databases in the field with a schema nobody can reproduce.
 */

export type Migration = { id: number; name: string; sql: string };

export type OpenDatabaseOptions = {
  /** How long a writer waits for another connection's lock before SQLITE_BUSY (default 5000 ms). */
  busyTimeoutMs?: number;
};

export class DatabaseMigrationError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Database ${file}: ${message}`, options);
    this.name = 'DatabaseMigrationError';
  }
}

type AppliedRow = { id: number; name: string; sha256: string };

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function openDatabase(file: string, migrations: Migration[], options: OpenDatabaseOptions = {}): Database {
  checkMigrationList(file, migrations);
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  try {
    // WAL lets readers (the UI's history view) run while the robot writes; memory DBs ignore it.
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    migrate(db, file, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkMigrationList(file: string, migrations: Migration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.id) || migration.id <= previous) {
      throw new DatabaseMigrationError(
        file,
        `migration ids must be positive integers in increasing order; "${migration.name}" has id ${migration.id} after ${previous}`,
      );
    }
    previous = migration.id;
  }
}

function migrate(db: Database, file: string, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Map(
    (db.prepare('SELECT id, name, sha256 FROM schema_migrations ORDER BY id').all() as AppliedRow[]).map((row) => [row.id, row]),
  );
  const known = new Set(migrations.map((m) => m.id));
  for (const row of applied.values()) {
    if (!known.has(row.id)) {
      throw new DatabaseMigrationError(
        file,
        `it was migrated by a newer Cairn (migration ${row.id} "${row.name}" is unknown to this version); update Cairn or use another file`,
      );
    }
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of migrations) {
    const hash = sha256(migration.sql);
    const done = applied.get(migration.id);
    if (done) {
      if (done.sha256 !== hash) {
        throw new DatabaseMigrationError(
          file,
          `migration ${migration.id} "${migration.name}" was changed after it was applied (sha256 ${done.sha256.slice(0, 12)}… in the database, ${hash.slice(0, 12)}… in the code); add a new migration instead of editing an applied one`,
        );
      }
      continue;
    }
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, hash, new Date().toISOString());
    });
    try {
      apply();
    } catch (error) {
      throw new DatabaseMigrationError(
        file,
        `migration ${migration.id} "${migration.name}" failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
}

/**
 * Named statements, prepared once (DESIGN.md §5: named statements only). The caller types the
 * rows it reads, e.g. `sql.pending.all(id) as PendingRow[]`.
 */
export function statements<Names extends string>(db: Database, sql: Record<Names, string>): Record<Names, Statement> {
  const prepared = {} as Record<Names, Statement>;
  for (const name of Object.keys(sql) as Names[]) {
    try {
      prepared[name] = db.prepare(sql[name]);
    } catch (error) {
      throw new Error(`Statement "${name}" does not prepare: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  return prepared;
}
