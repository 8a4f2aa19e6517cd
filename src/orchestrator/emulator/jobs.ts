import { randomUUID } from 'node:crypto';
import { statements } from '../../store/database.js';
import { JobStatus, JobType } from '../protocol.js';
import type { EmulatorContext } from './context.js';
import { fail } from './http.js';

/** Jobs and their status history, shared by the robot calls and the admin API. */

export type JobRow = {
  guid: string;
  robot_guid: string;
  version_guid: string | null;
  task_guid: string | null;
  name: string;
  job_type: number;
  priority: number;
  status: number;
  consumed_at: string | null;
  created_at: string;
  updated_at: string;
};

const FINAL = new Set<number>([JobStatus.Aborted, JobStatus.Success, JobStatus.Failed, JobStatus.Stopped]);
const STATUS_NAMES = Object.fromEntries(Object.entries(JobStatus).map(([name, code]) => [code, name])) as Record<number, string>;

export const jobStatusName = (status: number): string => `${STATUS_NAMES[status] ?? 'Unknown'}(${status})`;

export type Jobs = ReturnType<typeof createJobs>;

export function createJobs(ctx: EmulatorContext) {
  const sql = statements(ctx.db, {
    insert: `INSERT INTO jobs (guid, robot_guid, version_guid, task_guid, name, job_type, priority, status, created_at, updated_at)
             VALUES (@guid, @robot, @version, @task, @name, @type, @priority, @status, @at, @at)`,
    history: 'INSERT INTO job_history (job_guid, status, at) VALUES (?, ?, ?)',
    get: 'SELECT * FROM jobs WHERE guid = ?',
    setStatus: 'UPDATE jobs SET status = ?, updated_at = ? WHERE guid = ?',
    historyOf: 'SELECT status, at FROM job_history WHERE job_guid = ? ORDER BY id',
  });

  const create = ctx.db.transaction(
    (input: { robotGuid: string; versionGuid: string | null; taskGuid?: string | null; name: string; type?: number; priority?: number; status?: number; guid?: string }) => {
      const guid = input.guid ?? randomUUID();
      const at = ctx.now();
      const status = input.status ?? JobStatus.Pending;
      sql.insert.run({
        guid,
        robot: input.robotGuid,
        version: input.versionGuid,
        task: input.taskGuid ?? null,
        name: input.name,
        type: input.type ?? JobType.Orchestrated,
        priority: input.priority ?? 2,
        status,
        at,
      });
      sql.history.run(guid, status, at);
      return guid;
    },
  );

  /** Moves a job to a status, recording history; a finished job only accepts its own status again. */
  const transition = ctx.db.transaction((guid: string, status: number): JobRow => {
    const job = sql.get.get(guid) as JobRow | undefined;
    if (!job) throw fail(404, `Job ${guid} not found.`);
    if (job.status === status) return job; // a retried delivery of the same update is not an error
    if (FINAL.has(job.status)) {
      throw fail(409, `Job ${guid} is already ${jobStatusName(job.status)}; it cannot become ${jobStatusName(status)}.`);
    }
    // A stop or abort request is not undone by a late "InProgress": only an end, or a stop
    // escalated to an abort, moves the job on.
    const winding = job.status === JobStatus.Stopping || job.status === JobStatus.Aborting;
    const escalation = job.status === JobStatus.Stopping && status === JobStatus.Aborting;
    if (winding && !FINAL.has(status) && !escalation) {
      throw fail(409, `Job ${guid} is ${jobStatusName(job.status)}; report how it ended (Aborted 3, Success 4, Failed 5, Stopped 7), not ${jobStatusName(status)}.`);
    }
    const at = ctx.now();
    sql.setStatus.run(status, at, guid);
    sql.history.run(guid, status, at);
    return { ...job, status, updated_at: at };
  });

  return {
    create,
    transition,
    get: (guid: string) => sql.get.get(guid) as JobRow | undefined,
    history: (guid: string) => sql.historyOf.all(guid) as { status: number; at: string }[],
    isFinal: (status: number) => FINAL.has(status),
  };
}
