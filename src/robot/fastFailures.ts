import { JobStatus } from '../orchestrator/protocol.js';
import { createBackoff, sleep } from '../util/backoff.js';
import type { AgentContext } from './agentContext.js';
import type { RobotJob } from './linkTypes.js';

/** A job failing sooner than this most likely fails every time (a broken package, a missing file). */
const FAST_FAILURE_MS = 15_000;

export type FastFailureGuard = {
  /** Called after each job: resets on a job that did not fail at once, else may wait. */
  afterJob(job: RobotJob, final: JobStatus, tookMs: number): Promise<void>;
};

/**
 * An Orchestrator that keeps handing out a job that fails at once would get a request storm:
 * after two such jobs in a row the robot waits (1 s doubling to 60 s) and says why.
 */
export function createFastFailureGuard(ctx: AgentContext): FastFailureGuard {
  const { options } = ctx;
  const pause = createBackoff(options.retryInitialMs ?? 1000, options.retryMaxMs ?? 60_000);
  const fastFailureMs = options.fastFailureMs ?? FAST_FAILURE_MS;
  let fastFailures = 0;
  return {
    async afterJob(job, final, tookMs) {
      if (final !== JobStatus.Failed || tookMs >= fastFailureMs) {
        fastFailures = 0;
        pause.reset();
        return;
      }
      fastFailures++;
      if (fastFailures < 2 || options.once) return;
      const wait = pause.next();
      ctx.status.set({
        state: 'idle',
        job: null,
        message: `${fastFailures} jobs in a row failed at once (last: ${job.jobName}, ${job.jobGuid}); waiting ${(wait / 1000).toFixed(1)} s before taking the next job`,
      });
      await sleep(wait, ctx.stopping.signal);
    },
  };
}
