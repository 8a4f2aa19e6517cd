import type { HostServices, RunEvent, RunHandle, StartRun } from '../engine/types.js';
import type { AppStore } from '../store/appStore.js';
import type { RunResultText, StoredProcess } from '../store/assistantStore.js';

/** The desk robot's contract with the Assistant (src/api/handlers/assistant.ts); see desk.ts. */

export type DeskConnection = { url: string; robotGuid: string; insecureTls: boolean };

export type DeskConnectionState = {
  state: 'notConfigured' | 'connecting' | 'connected' | 'unreachable' | 'notRegistered';
  /** Since when the state holds (ms since epoch). */
  since: number | null;
  message: string;
  url: string | null;
  robotGuid: string | null;
  insecureTls: boolean;
  backlog: number;
  outboxError: string | null;
  lastDeliveryAt: number | null;
  lastHeartbeatAt: number | null;
  /** The Orchestrator refused attended-run reports (JobType 2): runs report their logs only. */
  attendedRefused: boolean;
};

export type DeskRunOptions = {
  process: StoredProcess;
  /** Project folder to run (its main scenario). */
  target: string;
  /** Typed `in` arguments, and the same with secrets masked for the history. */
  args: Record<string, unknown>;
  maskedArgs: Record<string, unknown>;
  /** Host services beyond the Orchestrator's (dialogs), for the run with this id. */
  services(runId: () => string): HostServices;
  /** The title of a block for messages ("Read invoices"), given its id and scenario. */
  stepTitle(blockId: string, scenario?: string): string;
  createJobRecord: boolean;
  /** A failed run gets a screenshot of the screen (history and Orchestrator). */
  screenshotOnCrash: boolean;
};

export type DeskRun = { runId: string; runGuid: string; processId: string; name: string; startedAt: number; handle: RunHandle; done: Promise<RunResultText> };

export type DeskOptions = {
  store: AppStore;
  dataDir: string;
  startRun: StartRun;
  pollIntervalMs?: number;
  workingHeartbeatMs?: number;
  /** TEST ONLY: lowers the protocol's 10 s floor of working heartbeats. */
  testOnlyWorkingHeartbeatFloorMs?: number;
  outboxRetryMaxMs?: number;
  /** Takes a PNG of the screen (for "screenshot when a run crashes"). */
  captureScreen?(): Promise<Buffer>;
  onRunEvent?(runId: string, event: RunEvent): void;
  onChange?(what: 'connection' | 'processes' | 'history'): void;
  warn?(line: string): void;
};

export type DeskRobot = {
  configure(connection: DeskConnection | null): void;
  connection(): DeskConnectionState;
  /** Heartbeat and process-list sync now (the settings page's "Check now"). */
  refresh(): Promise<void>;
  start(options: DeskRunOptions): DeskRun;
  active(): DeskRun | null;
  close(): Promise<void>;
};
