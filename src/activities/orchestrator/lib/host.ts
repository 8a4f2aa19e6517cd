import { BlockError, type BlockContext } from '../../define.js';
import { hostErrorPayload, type HostMethods } from '../../hostMethods.js';

/**
 * Orchestrator services are the robot's (its client and outbox); blocks reach them through
 * `ctx.host`. The shapes are the `orchestrator.*` rows of the shared host method table. Failures become errors naming what was asked and why it failed.
 */
type OrchestratorMethods = Pick<HostMethods, Extract<keyof HostMethods, `orchestrator.${string}`>>;

export const NO_ORCHESTRATOR_MESSAGE =
  'Orchestrator blocks need a run started by a robot connected to an Orchestrator; this run has none';

export async function callOrchestrator<M extends keyof OrchestratorMethods>(
  ctx: BlockContext,
  method: M,
  params: OrchestratorMethods[M]['params'],
  what: string,
): Promise<OrchestratorMethods[M]['result']> {
  try {
    return await ctx.host.request<OrchestratorMethods[M]['result']>(method, params);
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    const { message, code } = hostErrorPayload(error);
    if (code === 'NOT_AVAILABLE') throw new BlockError(`${NO_ORCHESTRATOR_MESSAGE} (${what})`, 'NO_ORCHESTRATOR');
    throw new BlockError(`${what} failed: ${message}`, code === 'FAILED' || code === 'UNATTENDED' ? 'ORCHESTRATOR_FAILED' : code);
  }
}

export function requireName(value: unknown, name: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new BlockError(`Parameter "${name}" (${what}) is empty`, 'BAD_INPUT');
  return value.trim();
}
