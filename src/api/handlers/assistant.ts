import type { Handlers } from '../context.js';
import { settingsHandlers, connectFromSettings } from './assistantConnection.js';
import { openAssistant, type AssistantDeps, type AssistantScope, type OpenedAssistant } from './assistantDesk.js';
import { historyHandlers } from './assistantHistory.js';
import { addProcess, processHandlers } from './assistantProcesses.js';
import { runHandlers, startProcess } from './assistantRuns.js';

/**
 * The Assistant's handlers, grouped by what they serve: the process list (assistantProcesses.ts),
 * runs (assistantRuns.ts), the history (assistantHistory.ts) and the settings page
 * (assistantConnection.ts). The data folder and its robot (assistantDesk.ts) open on first use.
 */

export type { AssistantTuning } from './assistantDesk.js';

type AssistantHandlerName = Extract<keyof Handlers, `assistant.${string}`>;
export type AssistantHandlers = Pick<Handlers, AssistantHandlerName>;

export type AssistantControl = AssistantHandlers & {
  /** Opens the database, connects, applies retention and starts autostart processes. */
  start(initialPaths?: string[]): Promise<void>;
  dispose(): Promise<void>;
};

/** Autostart: one after another (one robot runs one process at a time). */
async function runAutostart(scope: AssistantScope): Promise<void> {
  const autostart = scope.open().store.assistant.processes().filter((p) => p.autostart);
  for (const process of autostart) {
    try {
      await startProcess(scope, process.id, {});
      await scope.open().desk.active()?.done;
    } catch (error) {
      console.warn(`cairn assistant: autostart of "${process.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export function createAssistantHandlers(deps: AssistantDeps): AssistantControl {
  let opened: OpenedAssistant | undefined;
  const scope: AssistantScope = { ...deps, open: () => (opened ??= openAssistant(deps)) };
  const handlers: AssistantHandlers = {
    ...processHandlers(scope),
    ...runHandlers(scope),
    ...historyHandlers(scope),
    ...settingsHandlers(scope),
  };
  return {
    ...handlers,
    async start(initialPaths = []) {
      const { store, options } = scope.open();
      const { retentionDays, retentionCount } = options.get();
      store.assistant.applyRetention({ days: retentionDays, count: retentionCount });
      for (const path of initialPaths) await addProcess(scope, path);
      await connectFromSettings(scope);
      void runAutostart(scope);
    },
    async dispose() {
      if (!opened) return;
      await opened.desk.close();
      opened.store.close();
      opened.lock.release();
      opened = undefined;
    },
  };
}
