/**
 * Host services: the methods blocks call through `ctx.host.request(method, params)` and that the
 * process which started the run implements (the CLI on the terminal, the Designer in its UI, the
 * robot with its Orchestrator client and outbox). One table of names and shapes, shared by both
 * sides. A run started without a method answers it with a clear "not available here" error.
 */

export type { DialogField, HostMethods } from '../activities/hostMethods.js';
import type { HostMethods } from '../activities/hostMethods.js';

export type HostMethodName = keyof HostMethods;
export type HostParams<M extends HostMethodName> = HostMethods[M]['params'];
export type HostResult<M extends HostMethodName> = HostMethods[M]['result'];

/** Typed implementations a starting process offers; adapt to `HostServices` with `toHostServices`. */
export type HostImplementation = {
  [M in HostMethodName]?: (params: HostParams<M>) => Promise<HostResult<M>>;
};

export function toHostServices(
  impl: HostImplementation,
): Record<string, (params: unknown) => Promise<unknown>> {
  return impl as Record<string, (params: unknown) => Promise<unknown>>;
}
