import type { StateCreator } from 'zustand';
import type { EventPayload } from '../../src/api/contract.js';
import type { DesignerState } from './index.js';

type RunEvent = EventPayload<'run.event'>['event'];
type Finished = Extract<RunEvent, { type: 'run.finished' }>;

export type LogLine = { seq: number; level: 'debug' | 'info' | 'warn' | 'error'; message: string; blockId?: string; at: number };

/** Output keeps the newest lines only: a run that logs 100k lines must not grow the UI's memory. */
export const OUTPUT_LIMIT = 5_000;

export type RunSlice = {
  run: {
    runId: string | null;
    /** Scenario file the run belongs to. */
    path: string | null;
    mode: 'run' | 'debug';
    status: 'idle' | 'starting' | 'running' | 'paused' | 'finished';
    activeBlock: string | null;
    /** Name of the scenario the active block belongs to (a sub-scenario while inside core.invoke). */
    activeScenario: string | null;
    pausedBlock: string | null;
    /** Why the run paused; with `error`, the failing block's message (break on error). */
    pausedReason: Extract<RunEvent, { type: 'paused' }>['reason'] | null;
    pausedError: string | null;
    /** File of the scenario paused in (its tab is opened). */
    pausedPath: string | null;
    /** Call stack of the pause, outermost first. */
    stack: { scenario: string; blockId: string; path?: string }[];
    result: Finished | null;
    /** Live values: from `variable` events and from `paused` snapshots. */
    variables: Record<string, unknown>;
  };
  logs: LogLine[];
  runStarting(path: string, mode: 'run' | 'debug'): void;
  runStarted(runId: string): void;
  runFailedToStart(message: string): void;
  applyRunEvents(events: RunEvent[]): void;
  clearLogs(): void;
  /** Forgets a finished run and its output (another project opened); a live run is kept. */
  clearRun(): void;
};

const idleRun: RunSlice['run'] = {
  runId: null,
  path: null,
  mode: 'run',
  status: 'idle',
  activeBlock: null,
  activeScenario: null,
  pausedBlock: null,
  pausedReason: null,
  pausedError: null,
  pausedPath: null,
  stack: [],
  result: null,
  variables: {},
};

let seq = 0;
const line = (level: LogLine['level'], message: string, at: number, blockId?: string): LogLine => ({
  seq: ++seq,
  level,
  message,
  at,
  ...(blockId ? { blockId } : {}),
});

export const createRunSlice: StateCreator<DesignerState, [], [], RunSlice> = (set, get) => ({
  run: idleRun,
  logs: [],
  runStarting(path, mode) {
    set({ run: { ...idleRun, path, mode, status: 'starting' }, logs: [] });
  },
  runStarted(runId) {
    set({ run: { ...get().run, runId, status: get().run.status === 'starting' ? 'running' : get().run.status } });
  },
  runFailedToStart(message) {
    set({ run: { ...get().run, status: 'idle' }, logs: [...get().logs, line('error', message, Date.now())] });
  },
  applyRunEvents(events) {
    let run = get().run;
    const added: LogLine[] = [];
    let variables = run.variables;
    for (const e of events) {
      switch (e.type) {
        case 'block.started':
          run = { ...run, activeBlock: e.blockId, activeScenario: e.scenario };
          break;
        case 'log':
          added.push(line(e.level, e.message, e.at, e.blockId));
          break;
        case 'variable':
          variables = { ...variables, [e.name]: e.value };
          break;
        case 'paused':
          variables = e.variables;
          run = { ...run, status: 'paused', pausedBlock: e.blockId, pausedReason: e.reason, pausedError: e.error ?? null, activeBlock: e.blockId, activeScenario: e.scenario, pausedPath: e.path ?? run.path, stack: e.stack };
          break;
        case 'resumed':
          run = { ...run, status: 'running', pausedBlock: null, pausedReason: null, pausedError: null, stack: [] };
          break;
        case 'run.finished':
          run = { ...run, status: 'finished', result: e, activeBlock: null, pausedBlock: null, pausedReason: null, pausedError: null, stack: [] };
          break;
        default:
          break;
      }
    }
    run = { ...run, variables };
    const logs = added.length ? [...get().logs, ...added].slice(-OUTPUT_LIMIT) : get().logs;
    set({ run, logs });
  },
  clearLogs() {
    set({ logs: [] });
  },
  clearRun() {
    const { status } = get().run;
    if (status === 'idle' || status === 'finished') set({ run: idleRun, logs: [] });
  },
});
