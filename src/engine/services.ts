import type { LogLevel } from '../activities/define.js';

/**
 * Host services: the methods blocks call through `ctx.host.request(method, params)` and that the
 * process which started the run implements (the CLI on the terminal, the Designer in its UI, the
 * robot with its Orchestrator client and outbox). One table of names and shapes, shared by both
 * sides. A run started without a method answers it with a clear "not available here" error.
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
  'dialog.message': { params: { title: string; message: string; level?: 'info' | 'warning' | 'error' }; result: void };
  'dialog.confirm': { params: { title: string; message: string }; result: boolean };
  'dialog.input': { params: { title: string; message?: string; fields: DialogField[] }; result: Record<string, unknown> | null };
  'dialog.chooseFile': { params: { title: string; filters?: string[]; save?: boolean; folder?: boolean }; result: string | null };

  'orchestrator.assetGet': { params: { name: string }; result: { name: string; type: number; text: string | null } };
  'orchestrator.assetSet': { params: { name: string; text: string }; result: void };
  'orchestrator.credentialGet': { params: { name: string }; result: { login: string; password: string } };
  'orchestrator.taskCreate': {
    params: { queueGuid: string; name: string; description?: string; parameters?: unknown; deadline?: string; retries?: number };
    result: { guid: string };
  };
  'orchestrator.taskNext': { params: { queueGuid: string }; result: { guid: string; name: string; parameters: unknown; status: number } | null };
  'orchestrator.taskSetStatus': { params: { guid: string; status: number; comment?: string }; result: void };
  'orchestrator.log': { params: { level: LogLevel | 'critical'; message: string }; result: void };
  'orchestrator.screenshot': { params: { pngBase64: string; note?: string }; result: void };
};

export type HostMethodName = keyof HostMethods;
export type HostParams<M extends HostMethodName> = HostMethods[M]['params'];
export type HostResult<M extends HostMethodName> = HostMethods[M]['result'];

/** Typed implementations a starting process offers; adapt to `HostServices` with `toHostServices`. */
export type HostImplementation = { [M in HostMethodName]?: (params: HostParams<M>) => Promise<HostResult<M>> };

export function toHostServices(impl: HostImplementation): Record<string, (params: unknown) => Promise<unknown>> {
  return impl as Record<string, (params: unknown) => Promise<unknown>>;
}
