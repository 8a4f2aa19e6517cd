import { statements } from '../../store/database.js';
import { ConsumeJobErrorCode, HasNewJob, HeartbeatErrorCode, JobStatus, JobType, RobotStatus } from '../protocol.js';
import { normalizeGuid, type EmulatorContext, type RouteDef } from './context.js';
import { basicCredential, fail, ok, readForm, type Form } from './http.js';
import { intField, trimmedField as str } from './form-fields.js';
import type { JobRow, Jobs } from './jobs.js';

/**
 * The seed's three calls, exactly: heartbeat, consumeNextJob (Job/ProcessVersion/Task as JSON
 * STRINGS), job/update (PUT, and POST as the vendor's reference sends it).
 */


/** The robot making a seed call: its Basic credential must match the RobotGUID field when sent. */
function robotOf(req: Parameters<RouteDef['handle']>[0], form: Form): string {
  const credential = basicCredential(req.raw);
  const claimed = normalizeGuid(str(form, 'RobotGUID'));
  if (claimed && claimed !== credential) {
    throw fail(401, `Authorization carries robot ${credential} but RobotGUID is ${claimed}.`);
  }
  return credential;
}

export function robotRoutes(ctx: EmulatorContext, jobs: Jobs): RouteDef[] {
  const robots = statements(ctx.db, { robot: 'SELECT guid, name FROM robots WHERE guid = ?' });
  const known = (guid: string): boolean => robots.robot.get(guid) !== undefined;
  return [heartbeatRoute(ctx, jobs, known), consumeNextJobRoute(ctx, known), jobUpdateRoute(ctx, jobs)];
}

/** The robot's pulse: records where it is and what it runs; answers a stop/abort request and whether a job waits. */
function heartbeatRoute(ctx: EmulatorContext, jobs: Jobs, known: (guid: string) => boolean): RouteDef {
  const sql = statements(ctx.db, {
    beat: `UPDATE robots SET machine = @machine, ip = @ip, mac = @mac, status = @status, job_guid = @jobGuid,
           job_name = @jobName, last_heartbeat_at = @at WHERE guid = @guid`,
    stopRequested: `SELECT guid, status FROM jobs WHERE robot_guid = ? AND status IN (${JobStatus.Aborting}, ${JobStatus.Stopping})
                    ORDER BY (guid = ?) DESC, updated_at LIMIT 1`,
    hasNew: `SELECT 1 FROM jobs WHERE robot_guid = ? AND status = ${JobStatus.Pending} AND consumed_at IS NULL LIMIT 1`,
  });
  return {
    methods: ['POST'],
    pattern: /^\/api\/robot\/heartbeat$/,
    async handle(req) {
      const { form } = await readForm(req.raw);
      const guid = robotOf(req, form);
      if (!known(guid)) {
        return ok({ HeartbeatErrorCode: HeartbeatErrorCode.RobotNotFound, ErrorText: `Robot ${guid} not found.`, HasNewJob: HasNewJob.NoJob });
      }
      const status = intField(form, 'Status', Object.values(RobotStatus));
      const jobType = intField(form, 'JobType', Object.values(JobType), JobType.Orchestrated);
      const jobGuid = normalizeGuid(str(form, 'JobGUID'));
      const jobName = str(form, 'JobName');
      const at = ctx.now();
      sql.beat.run({ guid, machine: str(form, 'Machine'), ip: str(form, 'IP'), mac: str(form, 'MAC'), status, jobGuid, jobName, at });
      // Cairn's attended runs (JobType 2): the robot's own run GUID becomes a job record.
      if (jobType === JobType.Attended && status === RobotStatus.Working && jobGuid && !jobs.get(jobGuid)) {
        jobs.create({ guid: jobGuid, robotGuid: guid, versionGuid: null, name: jobName, type: JobType.Attended, status: JobStatus.InProgress });
      }
      let code: number = HeartbeatErrorCode.NoError;
      let text = '';
      const stop = sql.stopRequested.get(guid, jobGuid) as { guid: string; status: number } | undefined;
      if (stop && status === RobotStatus.Working) {
        const abort = stop.status === JobStatus.Aborting;
        code = abort ? HeartbeatErrorCode.JobAborting : HeartbeatErrorCode.JobStopping;
        text = `${abort ? 'Abort' : 'Stop'} requested for job ${stop.guid}.`;
      }
      const hasNew = sql.hasNew.get(guid) ? HasNewJob.JobFound : HasNewJob.NoJob;
      return ok({ HeartbeatErrorCode: code, ErrorText: text, HasNewJob: hasNew });
    },
  };
}

/** Hands the robot its next Pending job (highest priority first), once: taking it marks it consumed. */
function consumeNextJobRoute(ctx: EmulatorContext, known: (guid: string) => boolean): RouteDef {
  const sql = statements(ctx.db, {
    next: `SELECT * FROM jobs WHERE robot_guid = ? AND status = ${JobStatus.Pending} AND consumed_at IS NULL
           ORDER BY priority DESC, created_at, rowid LIMIT 1`,
    consume: 'UPDATE jobs SET consumed_at = ? WHERE guid = ? AND consumed_at IS NULL',
    version: 'SELECT guid, process_guid, name, description, file_name FROM versions WHERE guid = ?',
    task: 'SELECT * FROM tasks WHERE guid = ?',
  });
  const take = ctx.db.transaction((guid: string) => {
    const job = sql.next.get(guid) as JobRow | undefined;
    if (job) sql.consume.run(ctx.now(), job.guid);
    return job;
  });
  return {
    methods: ['POST'],
    pattern: /^\/api\/robot\/consumeNextJob$/,
    async handle(req) {
      const { form } = await readForm(req.raw);
      const guid = robotOf(req, form);
      if (!known(guid)) {
        return ok({ ConsumeJobErrorCode: ConsumeJobErrorCode.RobotNotFound, ErrorText: `Robot ${guid} not found.`, ...NO_JOB });
      }
      if (str(form, 'Status') !== '') intField(form, 'Status', Object.values(RobotStatus));
      const job = take(guid);
      if (!job) return ok({ ConsumeJobErrorCode: ConsumeJobErrorCode.NoNewJob, ErrorText: 'No new job for this robot.', ...NO_JOB });
      const version = job.version_guid ? (sql.version.get(job.version_guid) as Record<string, string> | undefined) : undefined;
      const task = job.task_guid ? (sql.task.get(job.task_guid) as Record<string, unknown> | undefined) : undefined;
      return ok({ ConsumeJobErrorCode: ConsumeJobErrorCode.NoError, ErrorText: '', ...consumedJob(job, version, task) });
    },
  };
}

const NO_JOB = { Job: 'null', ProcessVersion: 'null', Task: 'null' };

/** Job, ProcessVersion and Task as JSON STRINGS inside the JSON, as the seed's framework reads them (json.loads). */
function consumedJob(job: JobRow, version: Record<string, string> | undefined, task: Record<string, unknown> | undefined): typeof NO_JOB {
  return {
    Job: JSON.stringify({
      GUID: job.guid,
      Name: job.name,
      Status: job.status,
      Priority: job.priority,
      JobType: job.job_type,
      ProcessVersionGUID: job.version_guid ?? '',
      TaskGUID: job.task_guid ?? '',
      CreatedAt: job.created_at,
    }),
    ProcessVersion: version
      ? JSON.stringify({
          GUID: version.guid,
          Name: version.name,
          ProcessGUID: version.process_guid,
          Description: version.description,
          ProcessFileName: version.file_name,
        })
      : 'null',
    Task: task ? JSON.stringify(task) : 'null',
  };
}

/** A job's status from the robot (or an API key): only the job's own robot may change it. */
function jobUpdateRoute(ctx: EmulatorContext, jobs: Jobs): RouteDef {
  return {
    methods: ['PUT', 'POST'],
    pattern: /^\/api\/job\/update$/,
    async handle(req) {
      const caller = ctx.caller(req.raw);
      const { form } = await readForm(req.raw);
      const guid = normalizeGuid(str(form, 'guid'));
      if (!guid) throw fail(400, 'guid (the job GUID) is required.');
      const status = intField(form, 'status', Object.values(JobStatus));
      const job = jobs.get(guid);
      if (!job) throw fail(404, `Job ${guid} not found.`);
      if (caller.kind === 'robot' && job.robot_guid !== caller.guid) {
        throw fail(403, `Job ${guid} belongs to another robot.`);
      }
      const updated = jobs.transition(guid, status);
      return ok({ ErrorCode: 0, ErrorText: '', GUID: updated.guid, Status: updated.status });
    },
  };
}
