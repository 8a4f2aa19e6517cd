import type { Database } from 'better-sqlite3';
import { statements } from './database.js';

/**
 * The durable outbox: everything the robot must tell the Orchestrator beyond the heartbeat is
 * written here FIRST, then delivered by the worker (outboxWorker.ts) in `id` order, one ordered
 * stream per robot. Rows are marked delivered, not deleted, so an outage of any length loses
 * nothing and reorders nothing: a job's final status is enqueued after its logs, so it is
 * delivered after them.
 */

/** Levels as the Orchestrator's log/create takes them (see src/orchestrator/protocol.ts). */
export type OutboxLogLevel = 'Debug' | 'Info' | 'Warning' | 'Error' | 'Critical';

export type OutboxItem =
  | { kind: 'jobStatus'; jobGuid: string; status: number }
  | { kind: 'log'; jobGuid: string; versionGuid?: string; level: OutboxLogLevel; message: string; at: number }
  | { kind: 'screenshot'; jobGuid: string; pngBase64: string; note?: string; at: number };

export type OutboxRow = {
  id: number;
  robotGuid: string;
  item: OutboxItem;
  attempts: number;
  createdAt: number;
};

export type Outbox = {
  /** Appends one item to the robot's stream; returns its id (its place in the order). */
  enqueue(robotGuid: string, item: OutboxItem): number;
  /** Appends several items atomically, in the given order. */
  enqueueMany(robotGuid: string, items: OutboxItem[]): void;
  /** The oldest undelivered rows of the robot's stream, in order. */
  pending(robotGuid: string, limit: number): OutboxRow[];
  markDelivered(id: number): void;
  /**
   * Marks the rows of one robot's stream from `firstId` to `lastId` delivered in one statement
   * (a whole batch of log lines); rows in that span already marked (refused ones) keep their mark.
   */
  markDeliveredRange(robotGuid: string, firstId: number, lastId: number): void;
  /** The Orchestrator refused the row for good (e.g. HTTP 400): keep it, flagged, and move on. */
  markRejected(id: number, error: string): void;
  recordFailure(id: number, error: string): void;
  /** How many rows still wait for delivery. */
  backlog(robotGuid: string): number;
  /** Removes delivered rows older than `olderThanMs`; returns how many. */
  pruneDelivered(olderThanMs: number): number;
  /** Undelivered job GUIDs that have a row in the stream (crash recovery waits on them). */
  hasPendingFor(robotGuid: string, jobGuid: string): boolean;
};

type RawRow = { id: number; robot_guid: string; payload: string; attempts: number; created_at: number };

export function createOutbox(db: Database, now: () => number = Date.now): Outbox {
  const sql = statements(db, {
    insert: `INSERT INTO outbox (robot_guid, kind, job_guid, payload, created_at) VALUES (?, ?, ?, ?, ?)`,
    pending: `SELECT id, robot_guid, payload, attempts, created_at FROM outbox
              WHERE robot_guid = ? AND delivered_at IS NULL ORDER BY id LIMIT ?`,
    delivered: `UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_attempt_at = ? WHERE id = ?`,
    deliveredRange: `UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_attempt_at = ?
                     WHERE robot_guid = ? AND id BETWEEN ? AND ? AND delivered_at IS NULL`,
    rejected: `UPDATE outbox SET delivered_at = ?, rejected = 1, last_error = ?, attempts = attempts + 1,
               last_attempt_at = ? WHERE id = ?`,
    failure: `UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE id = ?`,
    backlog: `SELECT COUNT(*) AS n FROM outbox WHERE robot_guid = ? AND delivered_at IS NULL`,
    prune: `DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?`,
    pendingFor: `SELECT 1 FROM outbox WHERE robot_guid = ? AND job_guid = ? AND delivered_at IS NULL LIMIT 1`,
  });

  const insert = (robotGuid: string, item: OutboxItem): number =>
    Number(sql.insert.run(robotGuid, item.kind, item.jobGuid, JSON.stringify(item), now()).lastInsertRowid);
  const insertMany = db.transaction((robotGuid: string, items: OutboxItem[]) => {
    for (const item of items) insert(robotGuid, item);
  });

  return {
    enqueue: insert,
    enqueueMany: (robotGuid, items) => insertMany(robotGuid, items),
    pending(robotGuid, limit) {
      return (sql.pending.all(robotGuid, limit) as RawRow[]).map((row) => ({
        id: row.id,
        robotGuid: row.robot_guid,
        item: JSON.parse(row.payload) as OutboxItem,
        attempts: row.attempts,
        createdAt: row.created_at,
      }));
    },
    markDelivered(id) {
      const at = now();
      sql.delivered.run(at, at, id);
    },
    markDeliveredRange(robotGuid, firstId, lastId) {
      const at = now();
      sql.deliveredRange.run(at, at, robotGuid, firstId, lastId);
    },
    markRejected(id, error) {
      const at = now();
      sql.rejected.run(at, error, at, id);
    },
    recordFailure(id, error) {
      sql.failure.run(now(), error, id);
    },
    backlog: (robotGuid) => (sql.backlog.get(robotGuid) as { n: number }).n,
    pruneDelivered: (olderThanMs) => sql.prune.run(now() - olderThanMs).changes,
    hasPendingFor: (robotGuid, jobGuid) => sql.pendingFor.get(robotGuid, jobGuid) !== undefined,
  };
}
