import type { Database } from 'better-sqlite3';
import { createProcessList } from './assistantProcessList.js';
import { createRunHistory } from './runHistory.js';

/**
 * The Assistant's tables (migration 5): the process list (assistantProcessList.ts) and the run
 * history with its whole log (runHistory.ts). Log lines written in the same event-loop turn share
 * one transaction (a chatty run must not stall the app); a run's end flushes them first, so a
 * finished run always has all its lines.
 */

export type ProcessKind = 'project' | 'package' | 'orchestrator';

export type StoredProcess = {
  id: string;
  kind: ProcessKind;
  /** Project folder, `.cairn` file, or (orchestrator) the cached unpacked version folder. */
  path: string;
  name: string;
  description: string;
  favourite: boolean;
  hotkey: string | null;
  autostart: boolean;
  processGuid: string | null;
  versionGuid: string | null;
  versionName: string | null;
  addedAt: number;
};

export type RunResultText = 'success' | 'failed' | 'stopped' | 'aborted';

export type HistoryRun = {
  runGuid: string;
  processId: string;
  name: string;
  startedAt: number;
  finishedAt: number | null;
  result: RunResultText | null;
  args: Record<string, unknown>;
  outputs: Record<string, unknown>;
  errorStep: string | null;
  errorMessage: string | null;
  /** Reported to the Orchestrator (the run had a connection). */
  reported: boolean;
  screenshots: number;
};

export type HistoryLogLine = { at: number; level: string; message: string };

export type HistoryFilter = { processId?: string; result?: RunResultText; search?: string; limit?: number };

export type AssistantStore = {
  processes(): StoredProcess[];
  process(id: string): StoredProcess | null;
  upsertProcess(process: Omit<StoredProcess, 'favourite' | 'hotkey' | 'autostart' | 'addedAt'> & Partial<StoredProcess>): StoredProcess;
  updateProcess(id: string, patch: { favourite?: boolean; hotkey?: string | null; autostart?: boolean }): StoredProcess | null;
  removeProcess(id: string): void;

  beginRun(run: { runGuid: string; processId: string; name: string; args: Record<string, unknown>; reported: boolean }): void;
  log(runGuid: string, level: string, message: string, at?: number): void;
  screenshot(runGuid: string, png: Buffer, note?: string): void;
  finishRun(runGuid: string, end: { result: RunResultText; outputs: Record<string, unknown>; errorStep?: string; errorMessage?: string }): void;
  /** Runs left without an end (the app was killed): marked failed with a reason. */
  closeInterrupted(reason: string): number;
  runs(filter: HistoryFilter): HistoryRun[];
  run(runGuid: string): HistoryRun | null;
  logOf(runGuid: string): HistoryLogLine[];
  screenshotsOf(runGuid: string): { at: number; note: string; pngBase64: string }[];
  lastRunOf(processId: string): HistoryRun | null;
  /** Deletes runs older than `days` and beyond the newest `count`; returns how many. */
  applyRetention(retention: { days?: number; count?: number }): number;
  flush(): void;
};

export function createAssistantStore(db: Database, now: () => number = Date.now): AssistantStore {
  return { ...createProcessList(db, now), ...createRunHistory(db, now) };
}
