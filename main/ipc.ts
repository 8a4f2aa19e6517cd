import { commands, isCommandName } from '../src/api/contract.js';
import { toErrorPayload } from '../src/api/errors.js';
import type { CallOutcome } from '../src/api/wire.js';

/**
 * The ONE IPC entry point of the shell (`cairn:call`), as a pure function so its checks are
 * unit-tested: the sender must be the app's own top frame, the command must be in the
 * contract and its arguments must fit the command's schema; only then does the service run.
 */

/** The renderer is served from this privileged custom scheme, never from file:// or http://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cairn';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export type CallSender = {
  /** `event.senderFrame.url` — undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** The frame is the window's top frame (no iframe may call the core). */
  isMainFrame: boolean;
};

export function isTrustedSender(sender: CallSender): boolean {
  if (!sender.isMainFrame || !sender.frameUrl) return false;
  try {
    const url = new URL(sender.frameUrl);
    return (
      url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

export type CallService = { call(command: string, args: unknown): Promise<unknown> };

export function createCallHandler(service: CallService) {
  return async (sender: CallSender, command: unknown, args: unknown): Promise<CallOutcome> => {
    if (!isTrustedSender(sender)) {
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: `Call refused: it came from an untrusted frame (${sender.frameUrl ?? 'unknown'})`,
        },
      };
    }
    if (!isCommandName(command)) {
      return {
        ok: false,
        error: { code: 'unknown_command', message: `Unknown command "${String(command)}"` },
      };
    }
    const parsed = commands[command].args.safeParse(args ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_args',
          message: `Invalid arguments for "${command}": ${parsed.error.message}`,
        },
      };
    }
    try {
      return { ok: true, result: await service.call(command, parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  };
}
