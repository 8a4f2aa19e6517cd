import type { LogLevel } from '../activities/define.js';

/**
 * The run contract: what starts a run, what it reports and how it is controlled. Used by the CLI,
 * the API service (Designer) and the robot alike; the runner process speaks it over IPC.
 */

export type RunResult = 'success' | 'failed' | 'stopped' | 'aborted';

/**
 * A breakpoint: pauses BEFORE its block. `condition` (an expression in the block's scope) must be
 * true, `hitCount` counts the hits that passed the condition and pauses from that hit on; with
 * `log` it is a log point: the message (`{expression}` parts evaluated) is logged, the run goes on.
 */
export type Breakpoint = {
  blockId: string;
  /** The scenario file it belongs to; without it, a block of that id in any scenario. */
  path?: string;
  condition?: string;
  hitCount?: number;
  log?: string;
  /** false: kept in the list, never pauses. */
  enabled?: boolean;
};

export type DebugOptions = {
  /** Blocks (ids, or breakpoints with conditions) that pause the run BEFORE the block executes. */
  breakpoints?: (string | Breakpoint)[];
  /** Pause at a failing block before its error policy (retry, ignore, handle, fail) applies. */
  breakOnError?: boolean;
  /** Start execution at this block instead of core.start. */
  startAt?: string;
  /** Pause before the first block. */
  pauseOnStart?: boolean;
};

export type RunRequest = {
  /** Absolute path of a scenario file or a project folder (its `main` scenario). */
  target: string;
  /** Values for `in` / `inout` variables, already typed. */
  args?: Record<string, unknown>;
  mode?: 'run' | 'debug';
  debug?: DebugOptions;
  /** A name for logs and the Orchestrator (defaults to the scenario name). */
  name?: string;
  /**
   * Emit `block.started` / `block.finished` for every block (live highlight, profiling). Off by
   * default in both modes: at millions of blocks the events would cost more than the blocks.
   */
  trace?: boolean;
  /**
   * How long a soft stop waits for the current block to return before the run is aborted
   * (default DEFAULT_STOP_GRACE_MS). Runner processes only.
   */
  stopGraceMs?: number;
  /** The engine's heap limit in MB (default DEFAULT_MEMORY_LIMIT_MB): beyond it the run fails. Runner processes only. */
  memoryLimitMb?: number;
};

/** A soft stop gives the running block this long to return, then the run is aborted. */
export const DEFAULT_STOP_GRACE_MS = 30_000;
/** The engine thread's heap limit: far above what scenarios need, far below a machine's memory. */
export const DEFAULT_MEMORY_LIMIT_MB = 2048;

export type RunErrorInfo = {
  message: string;
  blockId?: string;
  blockType?: string;
  scenario?: string;
  stack?: string;
  code?: string;
  /** A PNG file of the page when a web block failed (the block took it before its browser closed). */
  screenshot?: string;
};

export type RunEvent =
  | { type: 'run.started'; runId: string; scenario: string; name: string; at: number }
  | { type: 'block.started'; blockId: string; blockType: string; scenario: string; at: number }
  | { type: 'block.finished'; blockId: string; port: string; scenario: string; ms: number }
  | { type: 'log'; level: LogLevel; message: string; blockId?: string; scenario?: string; at: number }
  /** Values are already redacted (secrets → REDACTED). */
  | { type: 'variable'; name: string; value: unknown; scenario: string }
  | {
      type: 'paused';
      blockId: string;
      scenario: string;
      /** The paused scenario's file (the Designer opens its tab). */
      path?: string;
      reason: 'breakpoint' | 'step' | 'pause' | 'start' | 'runTo' | 'error';
      /** Reason `error`: what the block failed with. */
      error?: string;
      variables: Record<string, unknown>;
      /** Call stack of scenarios (core.invoke), outermost first. */
      stack: { scenario: string; blockId: string; path?: string }[];
    }
  | { type: 'resumed' }
  /** The answer to an `evaluate` / `reveal` / `browsers` debug command (same id): a value, or why there is none. */
  | { type: 'evaluated'; id: string; value?: unknown; error?: string }
  | { type: 'process.spawned'; pid: number }
  | {
      type: 'run.finished';
      result: RunResult;
      outputs: Record<string, unknown>;
      error?: RunErrorInfo;
      ms: number;
    };

export type DebugCommand =
  | { type: 'pause' }
  | { type: 'continue' }
  | { type: 'stepOver' }
  | { type: 'stepInto' }
  | { type: 'stepOut' }
  | { type: 'runTo'; blockId: string }
  | { type: 'setBreakpoints'; blockIds?: string[]; breakpoints?: Breakpoint[] }
  | { type: 'setBreakOnError'; on: boolean }
  | { type: 'setVariable'; name: string; value: unknown }
  /** Evaluates an expression in the paused block's scope (secrets redacted in the answer). */
  | { type: 'evaluate'; id: string; expression: string }
  /** The value of a secret variable of the paused scenario, unredacted: for the Designer's "reveal", never logged. */
  | { type: 'reveal'; id: string; name: string }
  /** The paused run's open browsers (`InspectableBrowser[]` as the answer's value): where the picker attaches. */
  | { type: 'browsers'; id: string };

export type RunSummary = {
  runId: string;
  result: RunResult;
  outputs: Record<string, unknown>;
  error?: RunErrorInfo;
  ms: number;
};

/**
 * Services the starting process offers to blocks (`ctx.host.request`): dialogs, the
 * Orchestrator. A method that is missing answers with a clear "not available in this run" error.
 */
export type HostServices = Record<string, (params: unknown) => Promise<unknown>>;

export type RunHandle = {
  readonly runId: string;
  /** Every event in order; listeners added late miss earlier events (use `onEvent` at start). */
  onEvent(listener: (event: RunEvent) => void): () => void;
  /** Soft stop: finish the current block, run cleanup, end with `stopped`. */
  stop(): void;
  /** Hard stop: kill the runner and every process it started, end with `aborted`. */
  abort(): void;
  debug(command: DebugCommand): void;
  readonly done: Promise<RunSummary>;
};

export type StartRun = (request: RunRequest, services?: HostServices) => RunHandle;
