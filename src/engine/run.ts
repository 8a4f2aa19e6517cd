import { resolve } from 'node:path';
import type { Disposable, InspectableBrowser, LogLevel } from '../activities/define.js';
import { isInsideProject } from '../scenario/io.js';
import { REDACTED } from '../scenario/values.js';
import { compileScenario, type CompiledBlock, type CompiledScenario } from './compile.js';
import { Debugger } from './debugger.js';
import { BlockFailure, RunStopped } from './errors.js';
import type { Frame } from './frame.js';
import { runFrame } from './interpreter.js';
import { Redactor } from './redact.js';
import type { ScenarioSource } from './source.js';
import { localStopFlag, raiseStop, readStop, type StopKind } from './stopFlag.js';
import type { RunErrorInfo, RunEvent, RunRequest, RunSummary } from './types.js';
import { VariableStore } from './variables.js';

export type HostRequest = (method: string, params: unknown) => Promise<unknown>;

/** Lets a slow event consumer (the IPC channel) hold the run at block boundaries. */
export type Backpressure = { readonly backlogged: boolean; drain(): Promise<void> };

export type RunOptions = {
  runId: string;
  request: RunRequest;
  source: ScenarioSource;
  emit(event: RunEvent): void;
  host: HostRequest;
  /** Called for each process a block registers (the starter kills them on abort). */
  onProcess?(pid: number): void;
  backpressure?: Backpressure;
  /** The stop flag (stopFlag.ts); shared with the runner's main thread, else private. */
  stopFlag?: Int32Array;
};

const MAX_INVOKE_DEPTH = 64;

/** Host methods whose text ends up in a log, by the name of that field. */
const LOGGED_HOST_TEXT: Record<string, string> = { 'orchestrator.log': 'message', 'orchestrator.screenshot': 'note', 'orchestrator.taskSetStatus': 'comment' };

/** One run of a scenario inside the current process: state, services to blocks, lifecycle. */
export class Run {
  readonly runId: string;
  readonly redactor = new Redactor();
  readonly debugger: Debugger | undefined;
  readonly trace: boolean;
  readonly host: { request<T = unknown>(method: string, params: unknown): Promise<T> };
  projectDir = process.cwd();
  /** Raised once a stop or abort is requested (here or by another thread): read at every block boundary. */
  readonly stopFlag: Int32Array;
  private stopNoticed = false;
  /** Blocks executed, to yield to the event loop now and then. */
  ticks = 0;
  private readonly controller = new AbortController();
  private readonly resources: Disposable[] = [];
  private readonly compiled = new Map<string, Promise<CompiledScenario>>();

  constructor(private readonly options: RunOptions) {
    this.runId = options.runId;
    this.stopFlag = options.stopFlag ?? localStopFlag();
    const request = options.request;
    this.trace = request.trace === true;
    this.debugger =
      request.mode === 'debug'
        ? new Debugger(request.debug ?? {}, {
            emit: (e) => this.emit(e),
            log: (level, m, blockId, scenario) => this.log(level, m, blockId, scenario),
            redact: (v) => this.redactor.value(v),
            browsers: () => this.browsers(),
          })
        : undefined;
    this.host = { request: <T>(method: string, params: unknown) => this.untilStopped(options.host(method, this.redactHostText(method, params))) as Promise<T> };
  }

  /** Set once a stop or abort is requested: the interpreter ends at the next block boundary. */
  get stopKind(): StopKind | undefined {
    return readStop(this.stopFlag);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  emit(event: RunEvent): void {
    this.options.emit(event);
  }

  log(level: LogLevel, message: string, blockId?: string, scenario?: string): void {
    this.emit({ type: 'log', level, message: this.redactor.text(message), blockId, scenario, at: Date.now() });
  }

  use<T extends Disposable>(resource: T): T {
    this.resources.push(resource);
    return resource;
  }

  /** The open browsers of this run that a paused debugger's tools can reach, oldest first. */
  async browsers(): Promise<InspectableBrowser[]> {
    const found = await Promise.all(this.resources.map((r) => (r.inspectBrowser ? r.inspectBrowser().catch(() => undefined) : Promise.resolve(undefined))));
    return found.filter((b): b is InspectableBrowser => b !== undefined);
  }

  trackProcess(pid: number): void {
    this.options.onProcess?.(pid);
    this.emit({ type: 'process.spawned', pid });
  }

  /** A wait that ends early, with RunStopped, when the run is stopped or aborted. */
  sleep(ms: number): Promise<void> {
    return new Promise((done, fail) => {
      if (this.stopKind !== undefined) return fail(new RunStopped(this.stopKind));
      const onStop = (): void => {
        clearTimeout(timer);
        fail(new RunStopped(this.stopKind ?? 'stopped'));
      };
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onStop);
        done();
      }, ms);
      this.signal.addEventListener('abort', onStop, { once: true });
    });
  }

  /** Text a host method writes to a log (the Orchestrator's job log, a screenshot's note) is redacted like our own log lines. */
  private redactHostText(method: string, params: unknown): unknown {
    const field = LOGGED_HOST_TEXT[method];
    if (field === undefined || params === null || typeof params !== 'object') return params;
    const text = (params as Record<string, unknown>)[field];
    return typeof text === 'string' ? { ...params, [field]: this.redactor.text(text) } : params;
  }

  /** A host answer may never come (a dialog left open): a stop must not wait for it. */
  private untilStopped<T>(answer: Promise<T>): Promise<T> {
    if (this.stopKind !== undefined) return Promise.reject(new RunStopped(this.stopKind));
    return new Promise((done, fail) => {
      const onStop = (): void => fail(new RunStopped(this.stopKind ?? 'stopped'));
      this.signal.addEventListener('abort', onStop, { once: true });
      answer.then(
        (value) => (this.signal.removeEventListener('abort', onStop), done(value)),
        (err: unknown) => (this.signal.removeEventListener('abort', onStop), fail(err)),
      );
    });
  }

  /** Soft stop (`stopped`) or, in this process, the engine's share of an abort (`aborted`). */
  stop(kind: StopKind = 'stopped'): void {
    raiseStop(this.stopFlag, kind);
    this.noticeStop();
  }

  /**
   * The flag is up (maybe raised by another thread): fire `ctx.signal`, release a paused
   * debugger, and give the interpreter the error to end the run with.
   */
  noticeStop(): RunStopped {
    const kind = this.stopKind ?? 'stopped';
    if (!this.stopNoticed) {
      this.stopNoticed = true;
      this.controller.abort(new RunStopped(kind));
      this.debugger?.release();
    }
    return new RunStopped(kind);
  }

  /** Lets timers and messages (stop, debug commands, IPC acks) in; waits while the consumer is behind. */
  async breathe(): Promise<void> {
    await new Promise((done) => setImmediate(done));
    const pressure = this.options.backpressure;
    while (pressure !== undefined && pressure.backlogged && this.stopKind === undefined) await pressure.drain();
  }

  blockStarted(frame: Frame, block: CompiledBlock): number {
    this.emit({ type: 'block.started', blockId: block.id, blockType: block.type, scenario: frame.name, at: Date.now() });
    return performance.now();
  }

  blockFinished(frame: Frame, block: CompiledBlock, port: string, started: number): void {
    this.emit({ type: 'block.finished', blockId: block.id, port, scenario: frame.name, ms: performance.now() - started });
  }

  private scenario(path: string): Promise<CompiledScenario> {
    let compiled = this.compiled.get(path);
    if (compiled === undefined) {
      compiled = this.options.source.load(path).then((doc) => compileScenario(doc, path));
      this.compiled.set(path, compiled);
    }
    return compiled;
  }

  private frame(scenario: CompiledScenario, parent: Frame | undefined, args: Record<string, unknown> | undefined): Frame {
    const vars = new VariableStore(scenario.doc.name, scenario.doc.variables, scenario.variableNames, this.redactor);
    vars.initialise(args);
    const depth = parent === undefined ? 0 : parent.depth + 1;
    return { scenario, name: scenario.doc.name, vars, loops: [], depth, parent, contexts: [], current: undefined };
  }

  /** core.invoke: runs a sub-scenario with its own variables; returns its out/inout variables. */
  async invoke(parent: Frame, path: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (parent.depth + 1 >= MAX_INVOKE_DEPTH) throw new Error(`Scenarios invoke each other more than ${MAX_INVOKE_DEPTH} levels deep (endless recursion?)`);
    const file = resolve(this.projectDir, path);
    if (!isInsideProject(this.projectDir, file)) throw new Error(`Sub-scenario ${path} is outside the project folder ${this.projectDir}; refusing to run it`);
    const scenario = await this.scenario(file);
    if (scenario.start === undefined) throw new Error(`Scenario "${scenario.doc.name}" (${path}) has no core.start block`);
    const frame = this.frame(scenario, parent, args);
    await runFrame(this, frame, scenario.start);
    return frame.vars.outputs();
  }

  /** Runs to the end and reports `run.finished`; never throws. */
  async execute(): Promise<RunSummary> {
    const began = performance.now();
    const request = this.options.request;
    let result: RunSummary['result'] = 'success';
    let outputs: Record<string, unknown> = {};
    let error: RunErrorInfo | undefined;
    try {
      const target = await this.options.source.resolveTarget(request.target);
      this.projectDir = target.projectDir;
      const scenario = await this.scenario(target.scenarioPath);
      this.emit({ type: 'run.started', runId: this.runId, scenario: scenario.doc.name, name: request.name ?? scenario.doc.name, at: Date.now() });
      const frame = this.frame(scenario, undefined, request.args);
      const startAt = request.debug?.startAt;
      const first = startAt !== undefined ? scenario.byId.get(startAt) : scenario.start;
      if (first === undefined) {
        throw new Error(startAt !== undefined ? `Scenario "${scenario.doc.name}" has no block "${startAt}" to start at` : `Scenario "${scenario.doc.name}" has no core.start block`);
      }
      await runFrame(this, frame, first);
      // A stop asked for during the last block still ends the run stopped: the user (or the
      // Orchestrator, code 20) must not see Success for a run they stopped.
      if (this.stopKind !== undefined) throw this.noticeStop();
      outputs = this.publicOutputs(frame);
    } catch (err) {
      if (err instanceof RunStopped || this.stopKind !== undefined) {
        result = err instanceof RunStopped ? err.kind : (this.stopKind ?? 'stopped');
      } else {
        result = 'failed';
        error = err instanceof BlockFailure ? { ...err.info } : { message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack };
        error.message = this.redactor.text(error.message);
        if (error.stack !== undefined) error.stack = this.redactor.text(error.stack);
      }
    }
    await this.dispose();
    const summary: RunSummary = { runId: this.runId, result, outputs, error, ms: performance.now() - began };
    this.emit({ type: 'run.finished', result, outputs, error, ms: summary.ms });
    return summary;
  }

  private publicOutputs(frame: Frame): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(frame.vars.outputs())) {
      out[name] = frame.vars.isSecret(name) && value != null ? REDACTED : this.redactor.value(value);
    }
    return out;
  }

  /** Closes what blocks opened, newest first; a failing dispose is logged, never fatal. */
  private async dispose(): Promise<void> {
    while (this.resources.length > 0) {
      const resource = this.resources.pop()!;
      try {
        await resource.dispose();
      } catch (err) {
        this.log('warn', `Could not release a resource: ${(err as Error).message}`);
      }
    }
  }
}
