import type { LoopState } from '../activities/define.js';
import type { CompiledBlock, CompiledScenario } from './compile.js';
import type { BlockContextImpl } from './context.js';
import type { VariableStore } from './variables.js';

/** A loop block's entry on the frame's loop stack; the handler sees it as `ctx.loop`. */
export type LoopEntry = LoopState & { iteration: number; readonly block: CompiledBlock };

/** One running (sub)scenario: the main one, or one entered by core.invoke. */
export type Frame = {
  readonly scenario: CompiledScenario;
  /** The scenario's name, for events and messages. */
  readonly name: string;
  readonly vars: VariableStore;
  /** Loop blocks whose body is running, innermost last. */
  readonly loops: LoopEntry[];
  /** 0 for the main scenario, +1 per core.invoke. */
  readonly depth: number;
  readonly parent: Frame | undefined;
  /** Contexts handed to handlers, one per block, made on first use. */
  readonly contexts: (BlockContextImpl | undefined)[];
  /** The block about to run or running (kept in debug mode only, for the paused call stack). */
  current: CompiledBlock | undefined;
};
