import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { HostServices, RunHandle, RunRequest, StartRun } from '../engine/types.js';
import { JobStatus, JobType, RobotStatus } from '../orchestrator/protocol.js';
import type { OutboxWriter } from '../store/outboxWriter.js';
import type { RobotRunsStore } from '../store/robotRuns.js';
import { executionOf } from './cairnJob.js';
import { createJobJournal, type JobJournal } from './jobJournal.js';
import { finalStatusFor } from './jobRunner.js';
import type { RobotLink } from './linkTypes.js';
import { superviseExecution } from './supervise.js';

/**
 * Attended runs — started by the user on this machine, not by an Orchestrator job — report too
 * (Cairn's documented extension of the protocol): heartbeats with Status 3, JobType 2 (Attended),
 * the run's local GUID as JobGUID and its name as JobName, the run's logs through the outbox, and
 * Status 2 again when it ends. The final job/update is sent too: an Orchestrator that records
 * attended runs as jobs (the emulator does, from the first JobType 2 heartbeat) gets the outcome;
 * one that does not answers 404, and the outbox drops the row as refused.
 */

export type AttendedDeps = {
  link: RobotLink;
  writer: OutboxWriter;
  runs: RobotRunsStore;
  startRun: StartRun;
  /** The `orchestrator.*` host services, bound to the run's journal. */
  hostServices(journal: JobJournal): HostServices;
  workingHeartbeatMs: number;
  /** Aborted when the robot shuts down: the run is soft-stopped. */
  signal?: AbortSignal;
  onHeartbeatError?(error: unknown): void;
  /**
   * Report the run as a job record (JobType 2 heartbeats and a final job/update) — the default.
   * Off ("logs only"): working heartbeats carry no job and no job/update is sent, for an
   * Orchestrator that refuses the extension or a user who wants no job record per local launch.
   */
  reportAsJob?: () => boolean;
};

export type AttendedRun = {
  handle: RunHandle;
  /** The JobGUID the Orchestrator sees for this run. */
  runGuid: string;
  /** The JobName it sees: the request's name, else the project folder's name. */
  name: string;
  /** Settles when the run ended and its end was reported (the Ready heartbeat tried). */
  reported: Promise<number>;
};

export function startAttendedRun(deps: AttendedDeps, request: RunRequest): AttendedRun {
  // Our own GUID rather than the engine's run id: the Orchestrator expects a GUID in JobGUID.
  const runGuid = randomUUID();
  const name = request.name ?? path.basename(request.target);
  const journal = createJobJournal({ writer: deps.writer, jobGuid: runGuid });
  const handle = deps.startRun(request, deps.hostServices(journal));
  const execution = executionOf(handle, journal.log);
  deps.runs.begin({ jobGuid: runGuid, robotGuid: deps.link.robotGuid, kind: 'attended', name, status: JobStatus.InProgress });

  const working = { guid: runGuid, name, type: JobType.Attended };
  const asJob = () => deps.reportAsJob?.() ?? true;
  const heartbeat = async () => (await deps.link.heartbeat(RobotStatus.Working, asJob() ? working : undefined)).code;
  const reported = (async () => {
    journal.log('Info', `Attended run "${name}" started on robot ${deps.link.robotGuid}`);
    try {
      await heartbeat();
    } catch (error) {
      deps.onHeartbeatError?.(error);
    }
    const lastHeartbeatAt = Date.now();
    const outcome = await superviseExecution({
      execution,
      heartbeat,
      intervalMs: deps.workingHeartbeatMs,
      lastHeartbeatAt,
      signal: deps.signal ?? new AbortController().signal,
      onHeartbeatError: deps.onHeartbeatError,
    });
    const status = finalStatusFor[outcome.result];
    if (outcome.error) journal.log('Error', outcome.error);
    journal.log(status === JobStatus.Success ? 'Info' : 'Warning', `Attended run "${name}" finished: ${outcome.result}`);
    if (asJob()) journal.status(status);
    deps.runs.finish(runGuid, status, outcome.error);
    try {
      await deps.link.heartbeat(RobotStatus.Ready);
    } catch (error) {
      deps.onHeartbeatError?.(error);
    }
    return status;
  })();
  return { handle, runGuid, name, reported };
}
