import { RobotStatus } from '../orchestrator/protocol.js';
import { sleep } from '../util/backoff.js';
import type { AgentContext } from './agentContext.js';
import type { RobotHeartbeat } from './linkTypes.js';

/** What the agent loop does after a pass: go round again, end (once mode, nothing to do) or give up. */
export type LoopStep = 'continue' | 'exit' | 'fail';

/** A Ready heartbeat (Status 2); null when the Orchestrator does not answer (the status says so). */
export async function heartbeatReady(ctx: AgentContext): Promise<RobotHeartbeat | null> {
  const { link, status } = ctx;
  try {
    const answer = await link.heartbeat(RobotStatus.Ready);
    const recovering = ['offline', 'notRegistered', 'starting'].includes(status.get().state);
    status.set(recovering ? { state: 'idle', message: '', lastHeartbeatAt: Date.now() } : { lastHeartbeatAt: Date.now() });
    return answer;
  } catch (error) {
    status.set({ state: 'offline', job: null, message: `Orchestrator ${link.orchestratorUrl} unreachable: ${link.describeError(error)}` });
    return null;
  }
}

export const markNotRegistered = (ctx: AgentContext) =>
  ctx.status.set({ state: 'notRegistered', job: null, message: `robot ${ctx.link.robotGuid} is not registered on ${ctx.link.orchestratorUrl}` });

/** Waits after a failure (growing delays); gives up in once mode or when the robot is stopping. */
export async function backOff(ctx: AgentContext): Promise<LoopStep> {
  if (ctx.options.once) return 'fail';
  await sleep(ctx.retry.next(), ctx.stopping.signal);
  return ctx.stopping.signal.aborted ? 'fail' : 'continue';
}

/** Nothing to do: idle until the next poll, or the end of a once-mode pass. */
export async function waitForWork(ctx: AgentContext): Promise<LoopStep> {
  ctx.retry.reset();
  ctx.status.set({ state: 'idle', job: null, message: '' });
  if (ctx.options.once) return 'exit';
  await sleep(ctx.settings.pollIntervalMs, ctx.stopping.signal);
  return 'continue';
}
