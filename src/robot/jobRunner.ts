import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HostServices, RunResult, StartRun } from '../engine/types.js';
import { JobStatus, JobType, RobotStatus } from '../orchestrator/protocol.js';
import type { OutboxWriter } from '../store/outboxWriter.js';
import type { RobotRunsStore } from '../store/robotRuns.js';
import type { RobotSettings } from '../store/robotSettings.js';
import { prepareVersion, startCairnRun } from './cairnJob.js';
import type { Execution, ExecutionOutcome } from './execution.js';
import { createJobJournal, type JobJournal } from './jobJournal.js';
import type { RobotJob, RobotLink } from './linkTypes.js';
import { resolveScript, scriptArgument, startPythonScript } from './pythonJob.js';
import { superviseExecution } from './supervise.js';

/**
 * Steps 3–5 of the seed for one consumed job: job/update(8) (through the outbox), run the process
 * version with working heartbeats, then the final job/update — enqueued after every log line of
 * the job, so the Orchestrator always has the logs before it sees the job finished.
 */

export type JobRunnerDeps = {
  link: RobotLink;
  writer: OutboxWriter;
  runs: RobotRunsStore;
  settings: Pick<RobotSettings, 'scriptsDir' | 'pythonPath' | 'stopGraceMs' | 'insecureTls'> & Partial<Pick<RobotSettings, 'runnerMemoryMb'>>;
  dataDir: string;
  startRun: StartRun;
  /** The `orchestrator.*` host services for a run, bound to its journal. */
  hostServices(journal: JobJournal, job: RobotJob): HostServices;
  workingHeartbeatMs: number;
  /** Aborted when the robot shuts down: the job is soft-stopped. */
  signal: AbortSignal;
  /** Aborted to kill the job now (a second Ctrl+C). */
  abortSignal?: AbortSignal;
  onJobEvent?(event: JobEvent): void;
};

export type JobEvent =
  | { type: 'started'; job: RobotJob; kind: 'cairn' | 'python' }
  | { type: 'pid'; pid: number }
  | { type: 'command'; command: 'abort' | 'stop'; source: 'orchestrator' | 'robot' }
  | { type: 'heartbeat'; at: number }
  | { type: 'heartbeatFailed'; reason: string };

export const finalStatusFor: Record<RunResult, JobStatus> = {
  success: JobStatus.Success,
  failed: JobStatus.Failed,
  aborted: JobStatus.Aborted,
  stopped: JobStatus.Stopped,
};

const STATUS_NAMES: Partial<Record<JobStatus, string>> = { 3: 'Aborted', 4: 'Success', 5: 'Failed', 7: 'Stopped' };

export async function runJob(deps: JobRunnerDeps, job: RobotJob, lastHeartbeatAt: number): Promise<{ status: JobStatus; outcome: ExecutionOutcome }> {
  const journal = createJobJournal({ writer: deps.writer, jobGuid: job.jobGuid, versionGuid: job.versionGuid });
  deps.runs.begin({ jobGuid: job.jobGuid, robotGuid: deps.link.robotGuid, kind: 'orchestrated', name: job.jobName, versionGuid: job.versionGuid, status: JobStatus.InProgress });
  journal.status(JobStatus.InProgress);
  journal.log('Info', `Robot ${deps.link.robotGuid} started job ${job.jobGuid} (process version "${job.versionName}")`);

  let outcome: ExecutionOutcome;
  try {
    const execution = await startExecution(deps, job, journal);
    outcome = await superviseExecution({
      execution,
      intervalMs: deps.workingHeartbeatMs,
      lastHeartbeatAt,
      signal: deps.signal,
      abortSignal: deps.abortSignal,
      heartbeat: async () => {
        const answer = await deps.link.heartbeat(RobotStatus.Working, { guid: job.jobGuid, name: job.jobName, type: JobType.Orchestrated });
        deps.onJobEvent?.({ type: 'heartbeat', at: Date.now() });
        return answer.code;
      },
      onCommand(command, source) {
        deps.onJobEvent?.({ type: 'command', command, source });
        const who = source === 'orchestrator' ? 'The Orchestrator' : 'The robot operator';
        journal.log('Warning', command === 'abort' ? `${who} aborted the job` : `${who} asked the job to stop`);
      },
      onHeartbeatError: (error) => deps.onJobEvent?.({ type: 'heartbeatFailed', reason: deps.link.describeError(error) }),
    });
  } catch (error) {
    outcome = { result: 'failed', error: error instanceof Error ? error.message : String(error) };
  }

  const status = finalStatusFor[outcome.result];
  if (outcome.error) journal.log('Error', outcome.error);
  journal.log(status === JobStatus.Success ? 'Info' : 'Warning', `Job ${job.jobGuid} finished: ${STATUS_NAMES[status]}`);
  journal.status(status);
  deps.runs.finish(job.jobGuid, status, outcome.error);
  return { status, outcome };
}

async function startExecution(deps: JobRunnerDeps, job: RobotJob, journal: JobJournal): Promise<Execution> {
  const log = journal.log.bind(journal);
  const onPid = (pid: number) => deps.onJobEvent?.({ type: 'pid', pid });
  if (job.hasPackage) {
    deps.onJobEvent?.({ type: 'started', job, kind: 'cairn' });
    const projectDir = await prepareVersion({
      versionGuid: job.versionGuid,
      cacheDir: path.join(deps.dataDir, 'versions'),
      download: (guid) => deps.link.downloadVersion(guid),
    });
    return startCairnRun({
      startRun: deps.startRun,
      projectDir,
      name: job.jobName,
      services: deps.hostServices(journal, job),
      log,
      onPid,
      limits: { stopGraceMs: deps.settings.stopGraceMs, memoryLimitMb: deps.settings.runnerMemoryMb },
    });
  }

  const { scriptsDir } = deps.settings;
  if (!scriptsDir) {
    throw new Error(`Process version "${job.versionName}" has no package file, so it names a Python script, but this robot has no scripts folder (--scripts-dir)`);
  }
  const script = resolveScript(scriptsDir, job.versionName);
  if (!script) {
    throw new Error(`No Python script for process version "${job.versionName}" in ${scriptsDir} (looked for ${job.versionName.replace(/\\/g, '/')}.py)`);
  }
  deps.onJobEvent?.({ type: 'started', job, kind: 'python' });
  const settingsPath = await writeScriptSettings(deps, job);
  const execution = startPythonScript({
    python: deps.settings.pythonPath,
    script,
    argument: scriptArgument({
      versionGuid: job.versionGuid,
      jobGuid: job.jobGuid,
      robotGuid: deps.link.robotGuid,
      orchestratorUrl: deps.link.orchestratorUrl,
      taskGuid: job.taskGuid,
      settingsPath,
    }),
    stopGraceMs: deps.settings.stopGraceMs,
    log,
  });
  if (execution.pid !== undefined) {
    onPid(execution.pid);
    // Crash recovery needs it: the script's process group outlives a killed robot.
    deps.runs.setProcess(job.jobGuid, execution.pid, script);
  }
  return execution;
}

/** The framework's settings file: what a script needs to talk to the Orchestrator itself. */
async function writeScriptSettings(deps: JobRunnerDeps, job: RobotJob): Promise<string> {
  const dir = path.join(deps.dataDir, 'jobs');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${job.jobGuid.replace(/[^\w-]/g, '_')}.json`);
  const settings = {
    orchestratorUrl: deps.link.orchestratorUrl,
    robotGuid: deps.link.robotGuid,
    insecureTls: deps.settings.insecureTls,
    jobGuid: job.jobGuid,
    jobName: job.jobName,
    processVersionGuid: job.versionGuid,
    processVersionName: job.versionName,
    taskGuid: job.taskGuid,
    job: job.raw.job,
    processVersion: job.raw.processVersion,
    task: job.raw.task,
  };
  await writeFile(file, JSON.stringify(settings, null, 2), 'utf8');
  return file;
}
