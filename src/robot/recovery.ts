import { JobStatus } from '../orchestrator/protocol.js';
import type { OutboxWriter } from '../store/outboxWriter.js';
import type { RobotRun, RobotRunsStore } from '../store/robotRuns.js';
import { createJobJournal } from './jobJournal.js';
import { endLeftoverProcess } from './leftover.js';

/**
 * Crash recovery, run once when the robot starts: a job still recorded InProgress means the robot
 * was killed mid-job. It is reported Failed with a reason line — enqueued behind whatever of that
 * job was not delivered yet, so its logs still reach the Orchestrator first.
 */
export function recoverInterruptedRuns(deps: { writer: OutboxWriter; runs: RobotRunsStore; robotGuid: string }): RobotRun[] {
  const interrupted = deps.runs.withStatus(deps.robotGuid, JobStatus.InProgress);
  for (const run of interrupted) {
    const started = new Date(run.startedAt).toISOString();
    const reason = `The robot stopped while running "${run.name}" (started ${started}): its process was killed or crashed. Reported Failed when the robot started again.`;
    // Attended runs too: an Orchestrator without a record of them refuses the update (dropped).
    const journal = createJobJournal({ writer: deps.writer, jobGuid: run.jobGuid, versionGuid: run.versionGuid ?? undefined });
    journal.log('Error', reason);
    if (run.pid !== null && run.command) {
      const leftover = endLeftoverProcess(run.pid, run.command);
      if (leftover === 'ended') journal.log('Warning', `Its script ${run.command} (pid ${run.pid}) was still running without the robot and was ended.`);
      if (leftover === 'unverified') journal.log('Warning', `Its script ${run.command} (pid ${run.pid}) may still be running; this system cannot check it safely.`);
    }
    journal.status(JobStatus.Failed);
    deps.runs.finish(run.jobGuid, JobStatus.Failed, reason);
  }
  return interrupted;
}
