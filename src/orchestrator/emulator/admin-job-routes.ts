import { statements } from '../../store/database.js';
import { JobStatus } from '../protocol.js';
import { filter, need, optional, readJson } from './admin-body.js';
import { normalizeGuid, type EmulatorContext, type RouteDef } from './context.js';
import { fail, ok } from './http.js';
import type { Jobs } from './jobs.js';
import type { Processes } from './process-routes.js';

/**
 * The admin API's jobs: start one for a robot, stop or abort it, and what tests inspect — job
 * history, logs in arrival order, screenshots and every request seen.
 */
export function jobRoutes(ctx: EmulatorContext, jobs: Jobs, processes: Processes): RouteDef[] {
  const sql = statements(ctx.db, {
    robotExists: 'SELECT 1 FROM robots WHERE guid = ?',
    jobs: 'SELECT * FROM jobs WHERE (@robot IS NULL OR robot_guid = @robot) ORDER BY created_at, rowid',
    logs: `SELECT id, guid, robot_guid, job_guid, version_guid, level, message, at, written_at FROM logs
           WHERE (@job IS NULL OR job_guid = @job) ORDER BY id`,
    screenshots: `SELECT guid, robot_guid, job_guid, note, length(png) AS size, at FROM screenshots
                  WHERE (@job IS NULL OR job_guid = @job) ORDER BY id`,
  });

  return [
    {
      methods: ['POST'],
      pattern: /^\/admin\/jobs$/,
      async handle(req) {
        const body = await readJson(req.raw);
        const robotGuid = normalizeGuid(need(body, 'robotGuid'));
        const versionGuid = normalizeGuid(need(body, 'versionGuid'));
        if (!sql.robotExists.get(robotGuid)) throw fail(404, `Robot ${robotGuid} not found.`);
        const version = processes.version(versionGuid);
        if (!version) throw fail(404, `Process version ${versionGuid} not found.`);
        const priority = body.priority === undefined ? 2 : Number(body.priority);
        if (![1, 2, 3].includes(priority)) throw fail(400, '"priority" must be 1 Low, 2 Normal or 3 High.');
        const taskGuid = optional(body, 'taskGuid');
        const guid = jobs.create({
          robotGuid,
          versionGuid,
          taskGuid: taskGuid ? normalizeGuid(taskGuid) : null,
          name: optional(body, 'name') ?? version.name,
          priority,
        });
        return ok({ guid });
      },
    },
    { methods: ['POST'], pattern: /^\/admin\/jobs\/([^/]+)\/stop$/, handle: (req) => ok(requestStop(jobs, req.params[0], false)) },
    { methods: ['POST'], pattern: /^\/admin\/jobs\/([^/]+)\/abort$/, handle: (req) => ok(requestStop(jobs, req.params[0], true)) },
    {
      methods: ['GET'],
      pattern: /^\/admin\/jobs$/,
      handle(req) {
        const rows = sql.jobs.all({ robot: filter(req, 'robotGuid') });
        return ok({ count: rows.length, jobs: rows });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/admin\/jobs\/([^/]+)$/,
      handle(req) {
        const job = jobs.get(normalizeGuid(req.params[0]));
        if (!job) throw fail(404, `Job ${req.params[0]} not found.`);
        return ok({ ...job, history: jobs.history(job.guid) });
      },
    },
    {
      methods: ['GET'],
      pattern: /^\/admin\/logs$/,
      handle(req) {
        const rows = sql.logs.all({ job: filter(req, 'jobGuid') });
        return ok({ count: rows.length, logs: rows });
      },
    },
    { methods: ['GET'], pattern: /^\/admin\/screenshots$/, handle: (req) => ok(sql.screenshots.all({ job: filter(req, 'jobGuid') })) },
    {
      methods: ['GET'],
      pattern: /^\/admin\/requests$/,
      handle(req) {
        const robot = filter(req, 'robotGuid');
        const path = req.query.get('path');
        const rows = ctx.requests.filter((r) => (!robot || r.robotGuid === robot) && (!path || r.path === path));
        return ok({ count: rows.length, requests: rows });
      },
    },
  ];
}

/** An operator stops or aborts a job. */
function requestStop(jobs: Jobs, guid: string, abort: boolean): ReturnType<Jobs['get']> {
  const job = jobs.get(normalizeGuid(guid));
  if (!job) throw fail(404, `Job ${guid} not found.`);
  if (jobs.isFinal(job.status)) throw fail(409, `Job ${guid} has already finished.`);
  // A job no robot has started ends at once; a running one is asked through the heartbeat; an
  // abort overrides a pending stop, never the other way round.
  if (job.status === JobStatus.Aborting || (job.status === JobStatus.Stopping && !abort)) return job;
  const running = job.status === JobStatus.InProgress || job.status === JobStatus.Stopping;
  const next = running ? (abort ? JobStatus.Aborting : JobStatus.Stopping) : abort ? JobStatus.Aborted : JobStatus.Stopped;
  return jobs.transition(job.guid, next);
}
