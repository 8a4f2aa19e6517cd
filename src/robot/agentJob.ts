import { JobStatus } from '../orchestrator/protocol.js';
import { MIN_WORKING_HEARTBEAT_MS } from '../store/robotSettings.js';
import type { AgentContext } from './agentContext.js';
import { heartbeatReady } from './agentWaits.js';
import type { FastFailureGuard } from './fastFailures.js';
import { runJob, type JobEvent } from './jobRunner.js';
import type { RobotJob } from './linkTypes.js';

/** The job's progress in the robot's status line. */
function showJobEvent(ctx: AgentContext, event: JobEvent): void {
  const { status } = ctx;
  if (event.type === 'started') status.set({ state: 'working', job: { guid: event.job.jobGuid, name: event.job.jobName, kind: event.kind } });
  else if (event.type === 'pid') status.set({ job: { ...status.get().job!, pid: event.pid } });
  else if (event.type === 'heartbeat') status.set({ lastHeartbeatAt: event.at, message: '' });
  else if (event.type === 'heartbeatFailed') status.set({ message: `heartbeat failed: ${event.reason}` });
  else if (event.type === 'command') status.set({ message: `${event.source === 'orchestrator' ? 'Orchestrator' : 'robot'} asked to ${event.command}` });
}

/** Steps 3–5 (jobRunner.ts); abortJob() aborts it at once meanwhile. */
async function executeJob(ctx: AgentContext, job: RobotJob, lastHeartbeatAt: number): Promise<JobStatus> {
  const { options } = ctx;
  const jobAbort = new AbortController();
  ctx.now.abortJob = () => jobAbort.abort();
  try {
    const { status: final } = await runJob(
      {
        link: ctx.link,
        writer: ctx.writer,
        runs: ctx.store.runs,
        settings: ctx.settings,
        dataDir: options.dataDir,
        startRun: options.startRun,
        hostServices: options.hostServices,
        workingHeartbeatMs: ctx.workingHeartbeatMs,
        signal: ctx.stopping.signal,
        abortSignal: jobAbort.signal,
        onJobEvent: (event) => showJobEvent(ctx, event),
      },
      job,
      lastHeartbeatAt,
    );
    return final;
  } finally {
    ctx.now.abortJob = null;
  }
}

/** Runs a consumed job, lets its final report go out, then the robot is free for the next one. */
export async function runConsumedJob(ctx: AgentContext, job: RobotJob, fastFailures: FastFailureGuard): Promise<void> {
  const began = Date.now();
  const final = await executeJob(ctx, job, ctx.status.get().lastHeartbeatAt ?? Date.now());
  ctx.status.set({ state: 'idle', job: null });
  // The seed sends job/update(final) before heartbeat(Ready): give the outbox a moment to
  // deliver it first (bounded — an unreachable Orchestrator must not hold the loop).
  await ctx.worker.drain(Math.min(ctx.workingHeartbeatMs, MIN_WORKING_HEARTBEAT_MS));
  // Step 6 is the next iteration's Ready heartbeat; when stopping, send it here instead.
  if (ctx.stopping.signal.aborted) await heartbeatReady(ctx);
  else {
    ctx.now.busyWithJob = false;
    await fastFailures.afterJob(job, final, Date.now() - began);
  }
}
