import type { CompiledBlock } from './compile.js';
import type { Frame } from './frame.js';
import type { DebugCommand, DebugOptions, RunEvent } from './types.js';

type PauseReason = Extract<RunEvent, { type: 'paused' }>['reason'];

/** What the debugger needs from the run. */
export type DebugHost = {
  emit(event: RunEvent): void;
  log(level: 'error', message: string): void;
};

/**
 * Breakpoints and stepping. The interpreter asks `armed || hasBreakpoint(id)` before each block
 * (two cheap reads), and only then awaits `before`, which pauses when a rule matches. Depth is
 * the core.invoke nesting: step over stays at the same depth or shallower, step into takes the
 * very next block anywhere, step out waits for a shallower one.
 */
export class Debugger {
  /** True while a step, pause or run-to is pending: every block must be checked. */
  armed = false;
  private breakpoints: Set<string>;
  private mode: 'none' | 'start' | 'pause' | 'stepInto' | 'stepOver' | 'stepOut' | 'runTo' = 'none';
  private depth = 0;
  private runToId: string | undefined;
  private paused: { frame: Frame; resume: () => void } | undefined;

  constructor(
    options: DebugOptions,
    private readonly host: DebugHost,
  ) {
    this.breakpoints = new Set(options.breakpoints ?? []);
    if (options.pauseOnStart === true) this.arm('start');
  }

  hasBreakpoint(blockId: string): boolean {
    return this.breakpoints.size !== 0 && this.breakpoints.has(blockId);
  }

  private arm(mode: Debugger['mode'], depth = 0, runToId?: string): void {
    this.mode = mode;
    this.depth = depth;
    this.runToId = runToId;
    this.armed = mode !== 'none';
  }

  private reason(frame: Frame, block: CompiledBlock): PauseReason | undefined {
    switch (this.mode) {
      case 'start':
        return 'start';
      case 'pause':
        return 'pause';
      case 'stepInto':
        return 'step';
      case 'stepOver':
        if (frame.depth <= this.depth) return 'step';
        break;
      case 'stepOut':
        if (frame.depth < this.depth) return 'step';
        break;
      case 'runTo':
        if (block.id === this.runToId) return 'runTo';
        break;
      case 'none':
        break;
    }
    return this.breakpoints.has(block.id) ? 'breakpoint' : undefined;
  }

  /** Pauses before `block` when a rule says so; resolves when the user resumes (or the run stops). */
  async before(frame: Frame, block: CompiledBlock): Promise<void> {
    const reason = this.reason(frame, block);
    if (reason === undefined) return;
    this.arm('none');
    const stack: { scenario: string; blockId: string; path: string }[] = [];
    for (let f: Frame | undefined = frame; f !== undefined; f = f.parent) {
      stack.unshift({ scenario: f.name, blockId: f.current?.id ?? '', path: f.scenario.path });
    }
    await new Promise<void>((resume) => {
      this.paused = { frame, resume };
      this.host.emit({ type: 'paused', blockId: block.id, scenario: frame.name, path: frame.scenario.path, reason, variables: frame.vars.snapshot(), stack });
    });
    this.paused = undefined;
    this.host.emit({ type: 'resumed' });
  }

  /** Lets a paused run go on, e.g. to notice a stop. */
  release(): void {
    this.paused?.resume();
  }

  command(command: DebugCommand): void {
    const paused = this.paused;
    switch (command.type) {
      case 'setBreakpoints':
        this.breakpoints = new Set(command.blockIds);
        return;
      case 'pause':
        if (paused === undefined) this.arm('pause');
        return;
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
          this.host.log('error', `Cannot set variable "${command.name}": ${(err as Error).message}`);
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
    paused.resume();
  }
}
