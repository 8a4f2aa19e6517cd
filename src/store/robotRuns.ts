import type { Database } from 'better-sqlite3';
import { statements } from './database.js';

/**
 * Local state and history of the robot's jobs and attended runs. A row still InProgress when the
 * robot starts means it was killed mid-job: crash recovery reports it Failed.
 */

export type RobotRunKind = 'orchestrated' | 'attended';

export type RobotRun = {
  jobGuid: string;
  robotGuid: string;
  kind: RobotRunKind;
  name: string;
  versionGuid: string | null;
  /** A JobStatus code (src/orchestrator/protocol.ts). */
  status: number;
  startedAt: number;
  finishedAt: number | null;
  reason: string | null;
  /** A process the run started outside the engine (a Python script), and what it runs. */
  pid: number | null;
  command: string | null;
};

export type RobotRunsStore = {
  begin(run: { jobGuid: string; robotGuid: string; kind: RobotRunKind; name: string; versionGuid?: string; status: number }): void;
  finish(jobGuid: string, status: number, reason?: string): void;
  setProcess(jobGuid: string, pid: number, command: string): void;
  /** Runs of this robot left in `status` (InProgress after a crash). */
  withStatus(robotGuid: string, status: number): RobotRun[];
  get(jobGuid: string): RobotRun | null;
  recent(limit: number): RobotRun[];
};

type RawRun = {
  job_guid: string;
  robot_guid: string;
  kind: RobotRunKind;
  name: string;
  version_guid: string | null;
  status: number;
  started_at: number;
  finished_at: number | null;
  reason: string | null;
  pid: number | null;
  command: string | null;
};

const toRun = (row: RawRun): RobotRun => ({
  jobGuid: row.job_guid,
  robotGuid: row.robot_guid,
  kind: row.kind,
  name: row.name,
  versionGuid: row.version_guid,
  status: row.status,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  reason: row.reason,
  pid: row.pid,
  command: row.command,
});

export function createRobotRunsStore(db: Database, now: () => number = Date.now): RobotRunsStore {
  const sql = statements(db, {
    begin: `INSERT INTO robot_runs (job_guid, robot_guid, kind, name, version_guid, status, started_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (job_guid) DO UPDATE SET status = excluded.status, started_at = excluded.started_at,
              finished_at = NULL, reason = NULL, pid = NULL, command = NULL`,
    finish: `UPDATE robot_runs SET status = ?, finished_at = ?, reason = ? WHERE job_guid = ?`,
    setProcess: `UPDATE robot_runs SET pid = ?, command = ? WHERE job_guid = ?`,
    withStatus: `SELECT * FROM robot_runs WHERE robot_guid = ? AND status = ? ORDER BY started_at`,
    get: `SELECT * FROM robot_runs WHERE job_guid = ?`,
    recent: `SELECT * FROM robot_runs ORDER BY started_at DESC LIMIT ?`,
  });
  return {
    begin(run) {
      sql.begin.run(run.jobGuid, run.robotGuid, run.kind, run.name, run.versionGuid ?? null, run.status, now());
    },
    finish(jobGuid, status, reason) {
      sql.finish.run(status, now(), reason ?? null, jobGuid);
    },
    setProcess(jobGuid, pid, command) {
      sql.setProcess.run(pid, command, jobGuid);
    },
    withStatus: (robotGuid, status) => (sql.withStatus.all(robotGuid, status) as RawRun[]).map(toRun),
    get(jobGuid) {
      const row = sql.get.get(jobGuid) as RawRun | undefined;
      return row ? toRun(row) : null;
    },
    recent: (limit) => (sql.recent.all(limit) as RawRun[]).map(toRun),
  };
}
