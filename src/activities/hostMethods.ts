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
