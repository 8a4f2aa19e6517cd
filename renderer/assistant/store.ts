import { create } from 'zustand';
import type { CommandResult, EventPayload } from '../../src/api/contract.js';

export type ProcessCard = CommandResult<'assistant.processes'>[number];
export type ConnectionState = CommandResult<'assistant.connection'>;
export type AssistantOptions = CommandResult<'assistant.options'>;
export type ProcessInputs = CommandResult<'assistant.processInputs'>;
export type RunEvent = EventPayload<'run.event'>['event'];
export type Page = 'processes' | 'history' | 'settings';

export type LogLine = { at: number; level: string; message: string };

/** The run the Assistant shows: live while it goes, then its result until the next one. */
export type LiveRun = {
  runId: string;
  runGuid: string;
  processId: string;
  name: string;
  startedAt: number;
  state: 'running' | 'paused' | 'finished';
  /** The block running now (id and type), from block.started. */
  step: { blockId: string; blockType: string; scenario: string } | null;
  log: LogLine[];
  finishedAt?: number;
  result?: 'success' | 'failed' | 'stopped' | 'aborted';
  outputs?: Record<string, unknown>;
  error?: { message: string; blockId?: string; blockType?: string; scenario?: string };
};

/** How many log lines the live tail keeps (the whole log is in the history). */
export const TAIL_LINES = 200;

export type AssistantState = {
  page: Page;
  processes: ProcessCard[];
  connection: ConnectionState | null;
  options: AssistantOptions | null;
  /** The process whose run form is open. */
  selected: string | null;
  inputs: ProcessInputs | null;
  live: LiveRun | null;
  setPage(page: Page): void;
  setProcesses(processes: ProcessCard[]): void;
  setConnection(connection: ConnectionState): void;
  setOptions(options: AssistantOptions): void;
  select(id: string | null, inputs?: ProcessInputs | null): void;
  startLive(run: Omit<LiveRun, 'state' | 'step' | 'log'>): void;
  onRunEvent(runId: string, event: RunEvent): void;
};

export const useAssistant = create<AssistantState>()((set, get) => ({
  page: 'processes',
  processes: [],
  connection: null,
  options: null,
  selected: null,
  inputs: null,
  live: null,
  setPage: (page) => set({ page }),
  setProcesses: (processes) => set({ processes }),
  setConnection: (connection) => set({ connection }),
  setOptions: (options) => set({ options }),
  select: (id, inputs = null) => set({ selected: id, inputs }),
  startLive(run) {
    // Events may have arrived before the call answered: keep what is there for this run.
    const current = get().live;
    if (current?.runId === run.runId) set({ live: { ...current, ...run } });
    else set({ live: { ...run, state: 'running', step: null, log: [] } });
  },
  onRunEvent(runId, event) {
    let live = get().live;
    if (!live || live.runId !== runId) {
      if (event.type !== 'run.started') return;
      live = { runId, runGuid: '', processId: '', name: event.name, startedAt: event.at, state: 'running', step: null, log: [] };
    }
    switch (event.type) {
      case 'block.started':
        live = { ...live, step: { blockId: event.blockId, blockType: event.blockType, scenario: event.scenario } };
        break;
      case 'log':
        live = { ...live, log: [...live.log, { at: event.at, level: event.level, message: event.message }].slice(-TAIL_LINES) };
        break;
      case 'paused':
        live = { ...live, state: 'paused' };
        break;
      case 'resumed':
        live = { ...live, state: 'running' };
        break;
      case 'run.finished':
        live = { ...live, state: 'finished', finishedAt: Date.now(), result: event.result, outputs: event.outputs, error: event.error, step: null };
        break;
      default:
        break;
    }
    set({ live });
  },
}));
