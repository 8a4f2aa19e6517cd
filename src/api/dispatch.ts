import { z } from 'zod';
import { commands, isCommandName } from './contract.js';
import type { Handlers } from './context.js';
import { ApiError } from './errors.js';

/**
 * One command through the contract: its arguments checked, `ready` awaited, the handler run and
 * its result checked. Throws `ApiError`.
 */
export async function dispatchCommand(handlers: Handlers, command: string, args: unknown, ready: () => Promise<unknown>): Promise<unknown> {
  if (!isCommandName(command))
    throw new ApiError('unknown_command', `Unknown command "${String(command)}"`);
  const spec = commands[command];
  const parsed = spec.args.safeParse(args ?? {});
  if (!parsed.success) {
    throw new ApiError(
      'invalid_args',
      `Invalid arguments for "${command}":\n${z.prettifyError(parsed.error)}`,
    );
  }
  await ready();
  const handler = handlers[command] as (args: unknown) => Promise<unknown>;
  const result = spec.result.safeParse(await handler(parsed.data));
  if (!result.success) {
    // A bug on our side, never the caller's: say so instead of sending a malformed result.
    throw new ApiError(
      'invalid_result',
      `"${command}" produced a result outside the contract:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
}
