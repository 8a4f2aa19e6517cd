import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseMigrationError, openDatabase, sha256, statements, type Migration } from './database.js';

const people: Migration = { id: 1, name: 'people', sql: 'CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)' };
const pets: Migration = {
  id: 2,
  name: 'pets',
  sql: 'CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES people(id), name TEXT)',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-db-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys, a busy timeout and the migrations recorded', () => {
    const file = join(dir, 'nested', 'app.sqlite');
    const db = openDatabase(file, [people, pets]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const rows = db.prepare('SELECT id, name, sha256, applied_at FROM schema_migrations ORDER BY id').all() as {
      id: number;
      name: string;
      sha256: string;
      applied_at: string;
    }[];
    expect(rows.map((r) => [r.id, r.name, r.sha256])).toEqual([
      [1, 'people', sha256(people.sql)],
      [2, 'pets', sha256(pets.sql)],
    ]);
    expect(Number.isNaN(Date.parse(rows[0].applied_at))).toBe(false);
    expect(() => db.prepare('INSERT INTO pets (owner, name) VALUES (42, ?)').run('Rex')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('applies only the new migrations when reopened and keeps the data', () => {
    const file = join(dir, 'app.sqlite');
    const first = openDatabase(file, [people]);
    first.prepare('INSERT INTO people (name) VALUES (?)').run('Анна');
    first.close();

    const second = openDatabase(file, [people, pets]);
    expect(second.prepare('SELECT name FROM people').pluck().all()).toEqual(['Анна']);
    expect(second.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(2);
    second.close();
  });

  it('refuses a migration whose SQL changed after it was applied', () => {
    const file = join(dir, 'app.sqlite');
    openDatabase(file, [people]).close();
    const edited = { ...people, sql: people.sql.replace('TEXT NOT NULL', 'TEXT') };
    expect(() => openDatabase(file, [edited])).toThrow(DatabaseMigrationError);
    expect(() => openDatabase(file, [edited])).toThrow(/migration 1 "people" was changed after it was applied/);
  });

  it('refuses a database migrated by a newer version', () => {
    const file = join(dir, 'app.sqlite');
    openDatabase(file, [people, pets]).close();
    expect(() => openDatabase(file, [people])).toThrow(/newer Cairn \(migration 2 "pets"/);
  });

  it('rolls back a failing migration and names it', () => {
    const file = join(dir, 'app.sqlite');
    const broken: Migration = { id: 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); CREATE TABLE oops (' };
    expect(() => openDatabase(file, [people, broken])).toThrow(/migration 2 "broken" failed/);
    const db = openDatabase(file, [people]);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses migration ids out of order', () => {
    expect(() => openDatabase(join(dir, 'x.sqlite'), [pets, people])).toThrow(/increasing order/);
  });

  it('lets a second connection read while the first writes (WAL)', () => {
    const file = join(dir, 'app.sqlite');
    const writer = openDatabase(file, [people]);
    const reader = openDatabase(file, [people]);
    writer.exec('BEGIN');
    writer.prepare('INSERT INTO people (name) VALUES (?)').run('Boris');
    expect(reader.prepare('SELECT COUNT(*) FROM people').pluck().get()).toBe(0);
    writer.exec('COMMIT');
    expect(reader.prepare('SELECT COUNT(*) FROM people').pluck().get()).toBe(1);
    writer.close();
    reader.close();
  });
});

describe('statements', () => {
  it('prepares named statements once and reports a bad one by name', () => {
    const db = openDatabase(':memory:', [people]);
    const sql = statements(db, {
      add: 'INSERT INTO people (name) VALUES (?)',
      byName: 'SELECT id, name FROM people WHERE name = ?',
    });
    sql.add.run('Vera');
    expect(sql.byName.get('Vera')).toEqual({ id: 1, name: 'Vera' });
    expect(() => statements(db, { wrong: 'SELECT nope FROM people' })).toThrow(/Statement "wrong" does not prepare/);
    db.close();
  });
});
