import { randomUUID } from 'node:crypto';
import type { HostImplementation } from '../../engine/services.js';
import type { Emit } from '../context.js';
import { ApiError } from '../errors.js';
import { dialogMethods, dialogResultSchemas, type DialogMethod, type DialogRequest } from '../schemas.js';

type Waiting = {
  runId: string;
  method: DialogMethod;
  resolve(value: unknown): void;
  reject(error: Error): void;
};

export type DialogBroker = {
  /** The `dialog.*` host services of one run: each becomes a `dialog.request` event. */
  servicesFor(runId: () => string): HostImplementation;
  answer(requestId: string, result: unknown): void;
  /** The run ended: its open dialogs close and the blocks waiting on them get an error. */
  cancelRun(runId: string): void;
};

/**
 * Turns a block's question (dialog.message / confirm / input / chooseFile) into a `dialog.request`
 * event for the UI and waits for the matching `dialog.answer`, checked against the method's
 * result schema.
 */
export function createDialogBroker(emit: Emit): DialogBroker {
  const waiting = new Map<string, Waiting>();

  const ask = (runId: string, method: DialogMethod, params: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const requestId = randomUUID();
      waiting.set(requestId, { runId, method, resolve, reject });
      emit('dialog.request', { requestId, runId, method, params } as DialogRequest);
    });

  return {
    servicesFor(runId) {
      const services: Record<string, (params: unknown) => Promise<unknown>> = {};
      for (const method of dialogMethods) services[method] = (params) => ask(runId(), method, params);
      return services;
    },
    answer(requestId, result) {
      const entry = waiting.get(requestId);
      if (!entry)
        throw new ApiError(
          'not_found',
          `No open dialog with id ${requestId} (already answered, or its run ended)`,
        );
      const parsed = dialogResultSchemas[entry.method].safeParse(result);
      if (!parsed.success)
        throw new ApiError(
          'invalid_args',
          `The answer does not fit ${entry.method}: ${parsed.error.message}`,
        );
      waiting.delete(requestId);
      entry.resolve(parsed.data ?? undefined);
      emit('dialog.closed', { requestId });
    },
    cancelRun(runId) {
      for (const [requestId, entry] of waiting) {
        if (entry.runId !== runId) continue;
        waiting.delete(requestId);
        entry.reject(new Error(`The dialog "${entry.method}" was closed because the run ended`));
        emit('dialog.closed', { requestId });
      }
    },
  };
}
