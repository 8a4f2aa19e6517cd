import type { LogLevel } from './define.js';

/**
 * The methods blocks call through `ctx.host.request(method, params)`, with their shapes: one table
 * for both sides. It lives beside the block API because blocks may not import the engine; the
 * engine re-exports it for the processes that implement the methods (src/engine/services.ts).
 */

export type DialogField = {
  name: string;
  label: string;
  type: 'text' | 'number' | 'boolean' | 'password' | 'date' | 'choice';
  choices?: string[];
  default?: unknown;
  required?: boolean;
};

export type HostMethods = {
  'dialog.message': {
    params: { title: string; message: string; level?: 'info' | 'warning' | 'error' };
    result: void;
  };
  'dialog.confirm': { params: { title: string; message: string }; result: boolean };
  'dialog.input': {
    params: { title: string; message?: string; fields: DialogField[] };
    result: Record<string, unknown> | null;
  };
  'dialog.chooseFile': {
    params: { title: string; filters?: string[]; save?: boolean; folder?: boolean };
    result: string | null;
  };

  'orchestrator.assetGet': {
    params: { name: string };
    result: { name: string; type: number; text: string | null };
  };
  'orchestrator.assetSet': { params: { name: string; text: string }; result: void };
  'orchestrator.credentialGet': { params: { name: string }; result: { login: string; password: string } };
  'orchestrator.taskCreate': {
    params: {
      queueGuid: string;
      name: string;
      description?: string;
      parameters?: unknown;
      deadline?: string;
      retries?: number;
    };
    result: { guid: string };
  };
  'orchestrator.taskNext': {
    params: { queueGuid: string };
    result: { guid: string; name: string; parameters: unknown; status: number } | null;
  };
  'orchestrator.taskSetStatus': { params: { guid: string; status: number; comment?: string }; result: void };
  'orchestrator.log': { params: { level: LogLevel | 'critical'; message: string }; result: void };
  'orchestrator.screenshot': { params: { pngBase64: string; note?: string }; result: void };
};

/**
 * Why a host method failed, as a code blocks branch on (never a regex over the message): the
 * method is not offered by the process that started the run, the run has no user to ask, or the
 * service's own failure. It crosses the runner's process boundary as `{ message, code }`.
 */
export type HostErrorCode = 'NOT_AVAILABLE' | 'UNATTENDED' | 'NOT_FOUND' | 'UNREACHABLE' | 'TIMEOUT' | 'UNAUTHORIZED' | 'FAILED';

const HOST_ERROR_CODES: readonly string[] = ['NOT_AVAILABLE', 'UNATTENDED', 'NOT_FOUND', 'UNREACHABLE', 'TIMEOUT', 'UNAUTHORIZED', 'FAILED'];

export class HostError extends Error {
  readonly code: HostErrorCode;
  constructor(message: string, code: HostErrorCode) {
    super(message);
    this.name = 'HostError';
    this.code = code;
  }
}

/** Any failure of a host service as `{ message, code }` (a HostError keeps its code; the rest are FAILED). */
export function hostErrorPayload(error: unknown): { message: string; code: HostErrorCode } {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return { message, code: typeof code === 'string' && HOST_ERROR_CODES.includes(code) ? (code as HostErrorCode) : 'FAILED' };
}
