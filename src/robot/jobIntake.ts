import { ConsumeJobErrorCode } from '../orchestrator/protocol.js';
import type { AgentContext } from './agentContext.js';
import { backOff, markNotRegistered, waitForWork, type LoopStep } from './agentWaits.js';
import type { RobotJob } from './linkTypes.js';

/**
 * Step 2 of the seed's algorithm: consumeNextJob after a heartbeat said HasNewJob. Gives the job,
 * or the loop's next step when there is none: 101 and failed calls back off, 102 (the job went
 * elsewhere, or was cancelled, between heartbeat and consume) waits for the next poll.
 */
export async function consumeJob(ctx: AgentContext): Promise<RobotJob | LoopStep> {
  const { link, status } = ctx;
  let consumed;
  try {
    consumed = await link.consumeNextJob();
  } catch (error) {
    status.set({ state: 'offline', message: `consumeNextJob failed: ${link.describeError(error)}` });
    return backOff(ctx);
  }
  if (consumed.code === ConsumeJobErrorCode.RobotNotFound) {
    markNotRegistered(ctx);
    return backOff(ctx);
  }
  if (consumed.code === ConsumeJobErrorCode.NoNewJob) return waitForWork(ctx);
  if (consumed.code !== ConsumeJobErrorCode.NoError || !consumed.job) {
    status.set({ state: 'idle', job: null, message: `consumeNextJob answered code ${consumed.code} without a job${consumed.errorText ? `: ${consumed.errorText}` : ''}` });
    return backOff(ctx);
  }
  ctx.retry.reset();
  return consumed.job;
}
