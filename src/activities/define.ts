import type { VariableType } from '../scenario/schema.js';

/**
 * The block API: a block is a declarative definition plus a handler. The palette, the
 * properties panel, validation and the docs are all generated from definitions, so adding a
 * block never needs a change in the engine or the UI.
 */

export type LocalizedText = { en: string; ru: string };

export const blockCategories = [
  'core',
  'data',
  'text',
  'tables',
  'files',
  'csv',
  'excel',
  'http',
  'web',
  'dialogs',
  'orchestrator',
  'python',
  'email',
  'system',
] as const;
export type BlockCategory = (typeof blockCategories)[number];

/** How the properties panel edits a parameter, and how the engine checks its value. */
export type ParamKind =
  | 'text'
  | 'multiline'
  | 'number'
  | 'boolean'
  | 'choice'
  | 'expression'
  | 'code'
  | 'filePath'
  | 'folderPath'
  | 'selector'
  | 'secret'
  | 'json'
  | 'variable'
  | 'list'
  | 'dictionary'
  | 'table'
  | 'any';

export type ParamSpec<T = unknown> = {
  kind: ParamKind;
  title: LocalizedText;
  help?: LocalizedText;
  required?: boolean;
  default?: T;
  /** For `choice`. */
  choices?: { value: string; title: LocalizedText }[];
  /** For `code`: the Monaco language. */
  language?: 'javascript' | 'python' | 'json' | 'html' | 'sql' | 'plaintext';
  /** For `filePath`: extensions without dot. `save` asks for a path to write. */
  filters?: string[];
  save?: boolean;
  placeholder?: string;
  /** Shown on the canvas under the block title. At most one per block. */
  key?: boolean;
  /** Collapsed under "More" in the properties panel. */
  advanced?: boolean;
  /** Phantom: carries the value type for inference only. */
  readonly __type?: T;
};

type Opts<T> = Omit<ParamSpec<T>, 'kind' | '__type'>;

export const param = {
  text: (o: Opts<string>): ParamSpec<string> => ({ kind: 'text', ...o }),
  multiline: (o: Opts<string>): ParamSpec<string> => ({ kind: 'multiline', ...o }),
  number: (o: Opts<number>): ParamSpec<number> => ({ kind: 'number', ...o }),
  boolean: (o: Opts<boolean>): ParamSpec<boolean> => ({ kind: 'boolean', ...o }),
  choice: <C extends string>(o: Opts<C> & { choices: { value: C; title: LocalizedText }[] }): ParamSpec<C> => ({
    kind: 'choice',
    ...o,
  }),
  /** Always an expression: the value is what it evaluates to (conditions, items to loop over). */
  expression: <T = unknown>(o: Opts<T>): ParamSpec<T> => ({ kind: 'expression', ...o }),
  code: (o: Opts<string> & { language: NonNullable<ParamSpec['language']> }): ParamSpec<string> => ({
    kind: 'code',
    ...o,
  }),
  filePath: (o: Opts<string>): ParamSpec<string> => ({ kind: 'filePath', ...o }),
  folderPath: (o: Opts<string>): ParamSpec<string> => ({ kind: 'folderPath', ...o }),
  selector: (o: Opts<string>): ParamSpec<string> => ({ kind: 'selector', ...o }),
  secret: (o: Opts<string>): ParamSpec<string> => ({ kind: 'secret', ...o }),
  json: <T = unknown>(o: Opts<T>): ParamSpec<T> => ({ kind: 'json', ...o }),
  /** The NAME of a scenario variable (not evaluated): for blocks that write a variable. */
  variable: (o: Opts<string>): ParamSpec<string> => ({ kind: 'variable', ...o }),
  list: <T = unknown>(o: Opts<T[]>): ParamSpec<T[]> => ({ kind: 'list', ...o }),
  dictionary: (o: Opts<Record<string, unknown>>): ParamSpec<Record<string, unknown>> => ({
    kind: 'dictionary',
    ...o,
  }),
  table: (o: Opts<import('../scenario/values.js').Table>): ParamSpec<import('../scenario/values.js').Table> => ({
    kind: 'table',
    ...o,
  }),
  any: (o: Opts<unknown>): ParamSpec<unknown> => ({ kind: 'any', ...o }),
};

export type ParamSpecs = Record<string, ParamSpec<unknown>>;

/** The evaluated parameter values a handler receives. Optional params without default may be undefined. */
export type ParamValues<P extends ParamSpecs> = {
  [K in keyof P]: P[K] extends ParamSpec<infer T> ? T : never;
};

export type OutputSpec = { type: VariableType; title: LocalizedText };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * A browser a block opened, as a paused debugger's tools reach it: its DevTools endpoint on
 * 127.0.0.1 and the tab the next block acts on (the Designer's picker attaches there).
 */
export type InspectableBrowser = { endpoint: string; targetId: string; url: string };

/** Something a block opened that must be closed on end, stop or abort (browser, workbook, connection). */
export type Disposable = {
  dispose(): void | Promise<void>;
  /** A browser says where a paused debugger reaches it (debug runs only, see `BlockContext.debugging`). */
  inspectBrowser?(): Promise<InspectableBrowser | undefined>;
};

export type BlockVariables = {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  has(name: string): boolean;
  names(): string[];
};

/**
 * The state of one entry into a loop block (`loop: true`). `iteration` is 0 when control enters
 * the loop from outside and grows each time the body path comes back; `state` is the block's own
 * memory across iterations (forEach keeps its items there).
 */
export type LoopState = { readonly iteration: number; state: unknown };

/** A handler returning this port ends the current (sub)scenario at once, even inside a loop. */
export const END_PORT = '$end';

/**
 * What a handler sees of the run. Services that live outside the runner process (dialogs shown
 * to the user, the Orchestrator client and its outbox) are reached through `host.request`.
 */
export type BlockContext = {
  readonly blockId: string;
  readonly blockType: string;
  /** The project folder (the scenario's folder when run without a project). */
  readonly projectDir: string;
  /** Fires on soft stop and on abort: waits must end promptly. */
  readonly signal: AbortSignal;
  readonly vars: BlockVariables;
  log(level: LogLevel, message: string): void;
  /** Registers a resource disposed when the run ends, stops or aborts; returns it. */
  use<T extends Disposable>(resource: T): T;
  /** Registers a child process (browser, python) so an abort kills it and its group. */
  trackProcess(pid: number): void;
  /**
   * A Designer debug run: a browser a block opens also listens on a DevTools port on 127.0.0.1,
   * so the picker can attach to it while the run is paused. Unset (false) in every other run.
   */
  readonly debugging?: boolean;
  /** Marks a value as secret: it is redacted from every log line and event from now on. */
  secret(value: string): void;
  /** A cancellable wait: rejects with a stop error when the run is stopped. */
  sleep(ms: number): Promise<void>;
  /** Resolves a path relative to the project folder. */
  resolvePath(path: string): string;
  /** Calls a service of the process that started the run (dialogs, Orchestrator). */
  host: { request<T = unknown>(method: string, params: unknown): Promise<T> };
  /** Set by the engine for loop blocks (`loop: true`) only. */
  readonly loop?: LoopState;
  /**
   * Runs another scenario of the project (path relative to the project folder) with its own
   * variables; resolves with its `out`/`inout` variables. Provided by the engine (core.invoke).
   */
  invokeScenario?(path: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
};

export type BlockResult = { port?: string; outputs?: Record<string, unknown> } | void;

export type BlockDefinition<P extends ParamSpecs = ParamSpecs> = {
  type: string;
  category: BlockCategory;
  title: LocalizedText;
  help: LocalizedText;
  params: P;
  /** Outgoing ports. Default `['next']`. The `error` port exists on every block (onError=handle). */
  ports?: string[];
  /** A param whose list value adds ports `case:<value>` (core.switch). */
  dynamicPorts?: { param: string; prefix: string };
  outputs?: Record<string, OutputSpec>;
  /** Runs the path behind `body` and comes back here when that path ends (loops). */
  loop?: boolean;
  /**
   * A canvas annotation (comment, group): not a step of the flow. The Designer draws it as a note
   * or a frame without ports, validation never calls it unreachable, and it never runs unless an
   * old file links it into the flow (then it passes straight through).
   */
  annotation?: boolean;
  run(ctx: BlockContext, params: ParamValues<P>): Promise<BlockResult> | BlockResult;
};

// Handlers are contravariant in their params; the catalog stores definitions erased to this.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBlockDefinition = BlockDefinition<any>;

export function defineBlock<P extends ParamSpecs>(def: BlockDefinition<P>): BlockDefinition<P> {
  return def;
}

/** A JSON-safe description of a block for the palette, properties panel, validation and docs. */
export type BlockInfo = Omit<AnyBlockDefinition, 'run' | 'params'> & {
  params: Record<string, Omit<ParamSpec, '__type'>>;
  ports: string[];
};

export function blockInfo(def: AnyBlockDefinition): BlockInfo {
  const { run: _run, ...described } = def;
  return { ...described, params: def.params as BlockInfo['params'], ports: def.ports ?? ['next'] };
}

/** An error a block throws on purpose: the message is for the user, the code for `handle` logic. */
export class BlockError extends Error {
  /** A PNG file the block saved to show what the user's page looked like when it failed. */
  readonly screenshot?: string;

  constructor(
    message: string,
    readonly code?: string,
    options: { screenshot?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BlockError';
    if (options.screenshot !== undefined) this.screenshot = options.screenshot;
  }
}
