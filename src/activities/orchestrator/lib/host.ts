import { BlockError, type BlockContext } from '../../define.js';
import type { HostMethods } from '../../hostMethods.js';

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
    const cause = error instanceof Error ? error.message : String(error);
    if (/is not available in this/i.test(cause))
      throw new BlockError(`${NO_ORCHESTRATOR_MESSAGE} (${what})`, 'NO_ORCHESTRATOR');
    throw new BlockError(`${what} failed: ${cause}`, codeOf(error, cause));
  }
}

/** The client's error kind when it crossed the process boundary intact, else read from the text. */
function codeOf(error: unknown, cause: string): string {
  const kind = (error as { kind?: unknown }).kind;
  if (kind === 'notFound' || /\bnot found\b|\b404\b/i.test(cause)) return 'NOT_FOUND';
  if (kind === 'unreachable' || /unreachable|ECONNREFUSED|cannot reach|could not reach/i.test(cause))
    return 'UNREACHABLE';
  if (kind === 'timeout' || /timed? ?out/i.test(cause)) return 'TIMEOUT';
  if (kind === 'unauthorized' || kind === 'robotUnknown') return 'UNAUTHORIZED';
  return 'ORCHESTRATOR_FAILED';
}

export function requireName(value: unknown, name: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new BlockError(`Parameter "${name}" (${what}) is empty`, 'BAD_INPUT');
  return value.trim();
}
