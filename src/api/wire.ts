import { z } from 'zod';
import { apiErrorCodes } from './errors.js';

/**
 * Frames of the WebSocket transport (browser mode). Browser-safe: the host parses requests with
 * these, the renderer bridge parses responses and events.
 */

export const requestFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  command: z.string(),
  args: z.unknown(),
});
export type RequestFrame = z.infer<typeof requestFrameSchema>;

export const responseFrameSchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    id: z.number(),
    ok: z.literal(false),
    error: z.object({ message: z.string(), code: z.enum(apiErrorCodes) }),
  }),
]);
export type ResponseFrame = z.infer<typeof responseFrameSchema>;

export const eventFrameSchema = z.object({ event: z.string(), payload: z.unknown() });
export type EventFrame = z.infer<typeof eventFrameSchema>;

/** The WebSocket endpoint path on the host; the token rides in the query (`?token=`). */
export const API_PATH = '/api';

export { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './channels.js';

/** Envelope of one IPC call: errors travel as data so their `code` survives Electron's IPC. */
export type CallOutcome =
  { ok: true; result: unknown } | { ok: false; error: { message: string; code: string } };

/** What the Electron preload exposes as `window.cairn` (contextBridge). */
export type PreloadApi = {
  call(command: string, args: unknown): Promise<CallOutcome>;
  on(event: string, listener: (payload: unknown) => void): () => void;
};
