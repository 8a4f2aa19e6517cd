/**
 * Errors that cross the contract. The `code` is for the UI's logic (a `conflict` on save asks
 * the user what to do), the message is for people. Browser-safe: the bridge rebuilds these from
 * `{ message, code }` frames.
 */

export const apiErrorCodes = [
  'invalid_args',
  'invalid_result',
  'unknown_command',
  'not_found',
  'conflict',
  'already_exists',
  'invalid_scenario',
  'not_available',
  'forbidden',
  'disconnected',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ErrorPayload = { message: string; code: ApiErrorCode };

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof ApiError) return { message: error.message, code: error.code };
  const message = error instanceof Error ? error.message : String(error);
  return { message, code: 'internal' };
}

export function fromErrorPayload(payload: { message?: unknown; code?: unknown }): ApiError {
  const code = (apiErrorCodes as readonly string[]).includes(String(payload.code))
    ? (payload.code as ApiErrorCode)
    : 'internal';
  return new ApiError(code, typeof payload.message === 'string' ? payload.message : 'Unknown error');
}
