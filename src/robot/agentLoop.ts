import { HeartbeatErrorCode } from '../orchestrator/protocol.js';
import type { AgentContext } from './agentContext.js';
import { runConsumedJob } from './agentJob.js';
import { backOff, heartbeatReady, markNotRegistered, waitForWork, type LoopStep } from './agentWaits.js';
import type { FastFailureGuard } from './fastFailures.js';
import { consumeJob } from './jobIntake.js';
import { recoverInterruptedRuns } from './recovery.js';

/** Delivered outbox rows are kept this long (for audit), then pruned when the robot starts. */
const KEEP_DELIVERED_MS = 7 * 24 * 3600_000;

/** One pass of the seed's algorithm: heartbeat, and when it says so, take and run a job. */
async function loopOnce(ctx: AgentContext, fastFailures: FastFailureGuard): Promise<LoopStep> {
  if (ctx.now.attended) {
    await ctx.now.attended.reported;
    return 'continue';
  }
  const answer = await heartbeatReady(ctx);
  if (!answer) return backOff(ctx);
  if (answer.code === HeartbeatErrorCode.RobotNotFound) {
    markNotRegistered(ctx);
    return backOff(ctx);
  }
  if (!answer.hasNewJob || ctx.now.attended) return waitForWork(ctx);
  ctx.now.busyWithJob = true;
  try {
    const job = await consumeJob(ctx);
    if (typeof job === 'string') return job;
    await runConsumedJob(ctx, job, fastFailures);
    return 'continue';
  } finally {
    ctx.now.busyWithJob = false;
  }
}

/**
 * The agent's life: report what a killed robot left behind, loop until stopped (or, once, until
 * there is no job), then give the outbox a while to deliver. Resolves with the exit code.
 */
export async function runAgentLoop(ctx: AgentContext, fastFailures: FastFailureGuard): Promise<number> {
  const { store, status, worker, writer, options } = ctx;
  status.set({ state: 'starting', message: '' });
  store.outbox.pruneDelivered(KEEP_DELIVERED_MS);
  const recovered = recoverInterruptedRuns({ writer, runs: store.runs, robotGuid: ctx.link.robotGuid });
  if (recovered.length) status.set({ message: `reported ${recovered.length} interrupted job(s) as Failed` });
  worker.start();
  let exitCode = 0;
  try {
    while (!ctx.stopping.signal.aborted) {
      const next = await loopOnce(ctx, fastFailures);
      if (next === 'exit') break;
      if (next === 'fail') {
        exitCode = ctx.stopping.signal.aborted ? 0 : 1;
        break;
      }
    }
  } finally {
    writer.flush();
    const drainMs = options.drainOnStopMs ?? (options.once ? 30_000 : 5_000);
    await worker.drain(drainMs);
    await worker.stop();
    status.set({ state: 'stopped', job: null });
  }
  return exitCode;
}
