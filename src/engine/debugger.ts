import type { InspectableBrowser, LogLevel } from '../activities/define.js';
import { compileExpression, type CompiledExpression } from '../scenario/expressions/index.js';
import type { CompiledBlock } from './compile.js';
import type { Frame } from './frame.js';
import type { Breakpoint, DebugCommand, DebugOptions, RunEvent } from './types.js';

type PauseReason = Extract<RunEvent, { type: 'paused' }>['reason'];

/** What the debugger needs from the run. */
export type DebugHost = {
  emit(event: RunEvent): void;
  log(level: LogLevel, message: string, blockId?: string, scenario?: string): void;
  /** A copy of a value fit for an event, secrets redacted. */
  redact(value: unknown): unknown;
  /** The run's open browsers with their DevTools endpoints (the Designer's picker attaches to them). */
  browsers(): Promise<InspectableBrowser[]>;
};

/** An enabled breakpoint with its hits so far (counted only when its condition held). */
type ActiveBreakpoint = Breakpoint & { hits: number };

/** `{expression}` parts of a log point's message. */
const LOG_PART = /\{([^{}]+)\}/g;

const describeError = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Breakpoints and stepping. The interpreter asks `armed || hasBreakpoint(id)` before each block
 * (two cheap reads), and only then awaits `before`, which pauses when a rule matches. Depth is
 * the core.invoke nesting: step over stays at the same depth or shallower, step into takes the
 * very next block anywhere, step out waits for a shallower one. Conditions, hit counts and log
 * points are only looked at for a block that has a breakpoint, so they cost nothing elsewhere.
 */
export class Debugger {
  /** True while a step, pause or run-to is pending: every block must be checked. */
  armed = false;
  /** Pause at a failing block before its error policy applies. */
  breakOnError: boolean;
  /** Enabled breakpoints by block id (several scenarios may use the same id). */
  private breakpoints = new Map<string, ActiveBreakpoint[]>();
  private mode: 'none' | 'start' | 'pause' | 'stepInto' | 'stepOver' | 'stepOut' | 'runTo' = 'none';
  private depth = 0;
  private runToId: string | undefined;
  private paused: { frame: Frame; resume: () => void } | undefined;
  /** Compiled conditions and console expressions, per scenario file and source. */
  private readonly compiled = new Map<string, CompiledExpression>();

  constructor(
    options: DebugOptions,
    private readonly host: DebugHost,
  ) {
    this.setBreakpoints(options.breakpoints ?? []);
    this.breakOnError = options.breakOnError === true;
    if (options.pauseOnStart === true) this.arm('start');
  }

  hasBreakpoint(blockId: string): boolean {
    return this.breakpoints.size !== 0 && this.breakpoints.has(blockId);
  }

  private setBreakpoints(list: readonly (string | Breakpoint)[]): void {
    const previous = this.breakpoints;
    this.breakpoints = new Map();
    for (const item of list) {
      const bp: Breakpoint = typeof item === 'string' ? { blockId: item } : item;
      if (bp.enabled === false) continue;
      // The same breakpoint sent again (a condition edited elsewhere) keeps its hits.
      const before = previous.get(bp.blockId)?.find((b) => b.path === bp.path && b.condition === bp.condition);
      const entry: ActiveBreakpoint = { ...bp, hits: before?.hits ?? 0 };
      const same = this.breakpoints.get(bp.blockId);
      if (same === undefined) this.breakpoints.set(bp.blockId, [entry]);
      else same.push(entry);
    }
  }

  private arm(mode: Debugger['mode'], depth = 0, runToId?: string): void {
    this.mode = mode;
    this.depth = depth;
    this.runToId = runToId;
    this.armed = mode !== 'none';
  }

  private stepReason(frame: Frame, block: CompiledBlock): PauseReason | undefined {
    switch (this.mode) {
      case 'start':
        return 'start';
      case 'pause':
        return 'pause';
      case 'stepInto':
        return 'step';
      case 'stepOver':
        return frame.depth <= this.depth ? 'step' : undefined;
      case 'stepOut':
        return frame.depth < this.depth ? 'step' : undefined;
      case 'runTo':
        return block.id === this.runToId ? 'runTo' : undefined;
      case 'none':
        return undefined;
    }
  }

  /** Compiles once per scenario and source; throws SyntaxError for a bad expression. */
  private expression(frame: Frame, source: string): CompiledExpression {
    const key = `${frame.scenario.path}\n${source}`;
    let fn = this.compiled.get(key);
    if (fn === undefined) {
      fn = compileExpression(source, (name) => frame.vars.has(name));
      this.compiled.set(key, fn);
    }
    return fn;
  }

  private evaluate(frame: Frame, source: string): unknown {
    return this.expression(frame, source)(frame.vars.values);
  }

  /** The log point's message with each `{expression}` replaced by its value (or the error). */
  private logMessage(frame: Frame, template: string): string {
    return template.replace(LOG_PART, (_, source: string) => {
      try {
        const value = this.evaluate(frame, source.trim());
        return typeof value === 'string' ? value : JSON.stringify(this.host.redact(value)) ?? String(value);
      } catch (err) {
        return `<${describeError(err)}>`;
      }
    });
  }

  /** Whether one of the block's breakpoints pauses now; log points log instead. */
  private breakpointHit(frame: Frame, block: CompiledBlock): boolean {
    const list = this.breakpoints.get(block.id);
    if (list === undefined) return false;
    let pause = false;
    for (const bp of list) {
      if (bp.path !== undefined && bp.path !== frame.scenario.path) continue;
      if (bp.condition !== undefined && bp.condition.trim() !== '') {
        let holds: boolean;
        try {
          holds = Boolean(this.evaluate(frame, bp.condition));
        } catch (err) {
          // A broken condition must not be silently skipped: say so and pause, so it gets fixed.
          this.host.log('warn', `Breakpoint condition \`${bp.condition}\` failed: ${describeError(err)}`, block.id, frame.name);
          pause = true;
          continue;
        }
        if (!holds) continue;
      }
      bp.hits++;
      if (bp.hitCount !== undefined && bp.hits < bp.hitCount) continue;
      if (bp.log !== undefined && bp.log !== '') this.host.log('info', this.logMessage(frame, bp.log), block.id, frame.name);
      else pause = true;
    }
    return pause;
  }

  /** Pauses before `block` when a rule says so; resolves when the user resumes (or the run stops). */
  async before(frame: Frame, block: CompiledBlock): Promise<void> {
    const step = this.stepReason(frame, block);
    // Breakpoints count their hits (and log points log) even when a step pauses here anyway.
    const hit = this.breakpoints.size !== 0 && this.breakpointHit(frame, block);
    const reason = step ?? (hit ? 'breakpoint' : undefined);
    if (reason !== undefined) await this.pause(frame, block, reason);
  }

  /** Break on error: pauses at the failing block before its error policy applies. */
  async failed(frame: Frame, block: CompiledBlock, message: string): Promise<void> {
    if (this.breakOnError) await this.pause(frame, block, 'error', message);
  }

  private async pause(frame: Frame, block: CompiledBlock, reason: PauseReason, error?: string): Promise<void> {
    this.arm('none');
    const stack: { scenario: string; blockId: string; path: string }[] = [];
    for (let f: Frame | undefined = frame; f !== undefined; f = f.parent) {
      stack.unshift({ scenario: f.name, blockId: f.current?.id ?? '', path: f.scenario.path });
    }
    await new Promise<void>((resume) => {
      this.paused = { frame, resume };
      this.host.emit({
        type: 'paused',
        blockId: block.id,
        scenario: frame.name,
        path: frame.scenario.path,
        reason,
        ...(error !== undefined ? { error } : {}),
        variables: frame.vars.snapshot(),
        stack,
      });
    });
    this.paused = undefined;
    this.host.emit({ type: 'resumed' });
  }

  /** Lets a paused run go on, e.g. to notice a stop. */
  release(): void {
    this.paused?.resume();
  }

  private answer(id: string, answer: { value: unknown } | { error: string }): void {
    this.host.emit({ type: 'evaluated', id, ...answer });
  }

  command(command: DebugCommand): void {
    const paused = this.paused;
    switch (command.type) {
      case 'setBreakpoints':
        this.setBreakpoints(command.breakpoints ?? command.blockIds ?? []);
        return;
      case 'setBreakOnError':
        this.breakOnError = command.on;
        return;
      case 'pause':
        if (paused === undefined) this.arm('pause');
        return;
      case 'evaluate':
        if (paused === undefined) return this.answer(command.id, { error: 'The run is not paused' });
        try {
          return this.answer(command.id, { value: this.host.redact(this.evaluate(paused.frame, command.expression)) });
        } catch (err) {
          return this.answer(command.id, { error: describeError(err) });
        }
      case 'browsers':
        if (paused === undefined) return this.answer(command.id, { error: 'The run is not paused' });
        void this.host.browsers().then(
          (browsers) => this.answer(command.id, { value: browsers }),
          (err: unknown) => this.answer(command.id, { error: describeError(err) }),
        );
        return;
      case 'reveal':
        if (paused === undefined) return this.answer(command.id, { error: 'The run is not paused' });
        if (!paused.frame.vars.has(command.name)) return this.answer(command.id, { error: `Scenario "${paused.frame.name}" has no variable "${command.name}"` });
        return this.answer(command.id, { value: paused.frame.vars.get(command.name) });
      case 'setVariable':
        if (paused === undefined) {
          this.host.log('error', `Cannot set variable "${command.name}": the run is not paused`);
          return;
        }
        try {
          if (!paused.frame.vars.has(command.name)) throw new Error(`scenario "${paused.frame.name}" has no such variable`);
          paused.frame.vars.setCoerced(command.name, command.value);
          const value = paused.frame.vars.snapshot()[command.name];
          this.host.emit({ type: 'variable', name: command.name, value, scenario: paused.frame.name });
        } catch (err) {
          this.host.log('error', `Cannot set variable "${command.name}": ${describeError(err)}`);
        }
        return;
      default:
        break;
    }
    if (paused === undefined) return; // stepping commands only mean something while paused
    const depth = paused.frame.depth;
    if (command.type === 'stepInto') this.arm('stepInto', depth);
    else if (command.type === 'stepOver') this.arm('stepOver', depth);
    else if (command.type === 'stepOut') this.arm('stepOut', depth);
    else if (command.type === 'runTo') this.arm('runTo', depth, command.blockId);
    // Not paused from here on: a question sent right after "continue" must not see the old frame.
    this.paused = undefined;
    paused.resume();
  }
}
