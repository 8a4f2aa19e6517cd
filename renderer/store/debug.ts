import type { StateCreator } from 'zustand';
import type { DesignerState } from './index.js';

/**
 * The debugger's own state, kept per workspace by the Designer (never in the scenario file):
 * breakpoints per scenario path, break on error, watch expressions; plus the console's history
 * and the watches' values at the current pause.
 */

/** A breakpoint as the Designer keeps it; its scenario is the key it is stored under. */
export type UiBreakpoint = { blockId: string; enabled: boolean; condition?: string; hitCount?: number; log?: string };
export type BreakpointKind = 'plain' | 'conditional' | 'log' | 'disabled';
/** What an expression evaluated to at the pause: a value, or why not. */
export type Evaluation = { value?: unknown; error?: string };
export type ConsoleEntry = Evaluation & { seq: number; expression: string };

/** What is remembered per workspace. */
export type DebugSettings = { breakpoints: Record<string, UiBreakpoint[]>; breakOnError: boolean; watches: string[] };

export const CONSOLE_LIMIT = 200;

export function breakpointKind(bp: UiBreakpoint): BreakpointKind {
  if (!bp.enabled) return 'disabled';
  if (bp.log !== undefined && bp.log !== '') return 'log';
  if ((bp.condition !== undefined && bp.condition.trim() !== '') || bp.hitCount !== undefined) return 'conditional';
  return 'plain';
}

export type DebugSlice = DebugSettings & {
  watchValues: Record<string, Evaluation>;
  consoleEntries: ConsoleEntry[];
  toggleBreakpoint(path: string, blockId: string): void;
  updateBreakpoint(path: string, blockId: string, patch: Partial<Omit<UiBreakpoint, 'blockId'>>): void;
  removeBreakpoint(path: string, blockId: string): void;
  /** Enable or disable every breakpoint of the workspace. */
  setAllBreakpoints(enabled: boolean): void;
  clearBreakpoints(): void;
  setBreakOnError(on: boolean): void;
  addWatch(expression: string): void;
  removeWatch(expression: string): void;
  setWatchValues(values: Record<string, Evaluation>): void;
  addConsoleEntry(entry: Omit<ConsoleEntry, 'seq'>): void;
  clearConsole(): void;
  /** The workspace's remembered settings (another project opened). */
  loadDebugSettings(settings: DebugSettings): void;
};

let seq = 0;

export const createDebugSlice: StateCreator<DesignerState, [], [], DebugSlice> = (set, get) => {
  const editList = (path: string, edit: (list: UiBreakpoint[]) => UiBreakpoint[]) =>
    set({ breakpoints: { ...get().breakpoints, [path]: edit(get().breakpoints[path] ?? []) } });
  return {
    breakpoints: {},
    breakOnError: false,
    watches: [],
    watchValues: {},
    consoleEntries: [],
    toggleBreakpoint(path, blockId) {
      editList(path, (list) => (list.some((b) => b.blockId === blockId) ? list.filter((b) => b.blockId !== blockId) : [...list, { blockId, enabled: true }]));
    },
    updateBreakpoint(path, blockId, patch) {
      editList(path, (list) => list.map((b) => (b.blockId === blockId ? { ...b, ...patch } : b)));
    },
    removeBreakpoint(path, blockId) {
      editList(path, (list) => list.filter((b) => b.blockId !== blockId));
    },
    setAllBreakpoints(enabled) {
      const next: Record<string, UiBreakpoint[]> = {};
      for (const [path, list] of Object.entries(get().breakpoints)) next[path] = list.map((b) => ({ ...b, enabled }));
      set({ breakpoints: next });
    },
    clearBreakpoints() {
      set({ breakpoints: {} });
    },
    setBreakOnError(breakOnError) {
      set({ breakOnError });
    },
    addWatch(expression) {
      const text = expression.trim();
      if (text !== '' && !get().watches.includes(text)) set({ watches: [...get().watches, text] });
    },
    removeWatch(expression) {
      set({ watches: get().watches.filter((w) => w !== expression) });
    },
    setWatchValues(values) {
      set({ watchValues: { ...get().watchValues, ...values } });
    },
    addConsoleEntry(entry) {
      set({ consoleEntries: [...get().consoleEntries, { ...entry, seq: ++seq }].slice(-CONSOLE_LIMIT) });
    },
    clearConsole() {
      set({ consoleEntries: [] });
    },
    loadDebugSettings({ breakpoints, breakOnError, watches }) {
      set({ breakpoints, breakOnError, watches, watchValues: {}, consoleEntries: [] });
    },
  };
};
