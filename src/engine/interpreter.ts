import { BlockError, END_PORT, type BlockResult } from '../activities/define.js';
import { ERROR_PORT, NEXT_PORT } from '../scenario/schema.js';
import type { BlockErrorValue } from '../scenario/values.js';
import type { CompiledBlock } from './compile.js';
import { BlockContextImpl } from './context.js';
import { BlockFailure, RunStopped } from './errors.js';
import type { Frame, LoopEntry } from './frame.js';
import type { Run } from './run.js';

/**
 * The interpreter: run a block, take the port it returns, follow the link. A path without an
 * outgoing link ends the (sub)scenario, unless a loop's body is running: then control goes back
 * to the innermost loop block. Synchronous handlers never pay for a promise. The stop flag is read
 * at every block boundary (one Atomics.load: another thread may raise it while a block computes);
 * the loop yields to the event loop every 1024 blocks so debug messages, host answers and timers
 * get through even in tight loops.
 */

const BODY_PORT = 'body';
const DONE_PORT = 'done';

export async function runFrame(run: Run, frame: Frame, first: CompiledBlock | undefined): Promise<void> {
  const loops = frame.loops;
  const dbg = run.debugger;
  const trace = run.trace;
  const stop = run.stopFlag;
  let block = first;
  while (block !== undefined) {
    if (Atomics.load(stop, 0) !== 0) throw run.noticeStop();
    if ((++run.ticks & 1023) === 0) await run.breathe();
    if (dbg !== undefined) {
      frame.current = block;
      if (dbg.armed || dbg.hasBreakpoint(block.id)) {
        await dbg.before(frame, block);
        if (Atomics.load(stop, 0) !== 0) throw run.noticeStop();
      }
    }
    let port: string;
    if (block.disabled) {
      port = block.loop && !block.links.has(NEXT_PORT) ? DONE_PORT : NEXT_PORT;
    } else {
      const loop = block.loop ? enterLoop(loops, block) : undefined;
      const started = trace ? run.blockStarted(frame, block) : 0;
      const outcome = execute(run, frame, block, loop, 0);
      port = typeof outcome === 'string' ? outcome : await outcome;
      if (trace) run.blockFinished(frame, block, port, started);
      if (loop !== undefined && port !== BODY_PORT) leaveLoop(loops, loop);
    }
    if (port === END_PORT) return;
    block = block.links.get(port) ?? (loops.length !== 0 ? loops[loops.length - 1].block : undefined);
  }
}

/** Re-entering a loop already on the stack (its body ended or linked back) is its next iteration. */
function enterLoop(loops: LoopEntry[], block: CompiledBlock): LoopEntry {
  for (let i = loops.length - 1; i >= 0; i--) {
    if (loops[i].block === block) {
      loops.length = i + 1;
      loops[i].iteration++;
      return loops[i];
    }
  }
  const entry: LoopEntry = { block, iteration: 0, state: undefined };
  loops.push(entry);
  return entry;
}

function leaveLoop(loops: LoopEntry[], entry: LoopEntry): void {
  const at = loops.lastIndexOf(entry);
  if (at >= 0) loops.length = at;
}

function contextFor(run: Run, frame: Frame, block: CompiledBlock): BlockContextImpl {
  return (frame.contexts[block.index] ??= new BlockContextImpl(run, frame, block));
}

/** Runs a block once: the port as a string when the handler was synchronous, else a promise. */
function execute(run: Run, frame: Frame, block: CompiledBlock, loop: LoopEntry | undefined, attempt: number): string | Promise<string> {
  let result: BlockResult | Promise<BlockResult>;
  try {
    const params: Record<string, unknown> = {};
    const scope = frame.vars.values;
    for (const p of block.params) params[p.name] = p.evaluate === undefined ? p.value : p.evaluate(scope);
    const ctx = contextFor(run, frame, block);
    ctx.loop = loop;
    result = block.def.run(ctx, params);
  } catch (err) {
    return recover(run, frame, block, loop, attempt, err);
  }
  if (result instanceof Promise) {
    return result.then(
      (value) => finish(run, frame, block, loop, attempt, value),
      (err: unknown) => recover(run, frame, block, loop, attempt, err),
    );
  }
  return finish(run, frame, block, loop, attempt, result);
}

function finish(run: Run, frame: Frame, block: CompiledBlock, loop: LoopEntry | undefined, attempt: number, result: BlockResult): string | Promise<string> {
  if (result === undefined) return NEXT_PORT;
  const outputs = result.outputs;
  if (outputs !== undefined) {
    try {
      for (const [name, variable] of block.outputs) {
        if (name in outputs) frame.vars.set(variable, outputs[name]);
      }
    } catch (err) {
      return recover(run, frame, block, loop, attempt, err);
    }
  }
  return result.port ?? NEXT_PORT;
}

/** The error policy: retry first, then ignore / handle / fail the run naming the block. */
async function recover(run: Run, frame: Frame, block: CompiledBlock, loop: LoopEntry | undefined, attempt: number, err: unknown): Promise<string> {
  if (err instanceof RunStopped) throw err;
  if (run.stopKind !== undefined) throw run.noticeStop();
  const message = err instanceof Error ? err.message : String(err);
  // Break on error: once, at the block that failed (not again at each core.invoke it bubbles through).
  if (attempt === 0 && run.debugger?.breakOnError === true && !(err instanceof BlockFailure)) {
    await run.debugger.failed(frame, block, run.redactor.text(message));
    if (run.stopKind !== undefined) throw run.noticeStop();
  }
  if (block.retry !== undefined && attempt < block.retry.times) {
    run.log('warn', `Block ${block.label} failed (${message}); retry ${attempt + 1} of ${block.retry.times}`, block.id, frame.name);
    if (block.retry.delayMs > 0) await run.sleep(block.retry.delayMs);
    return execute(run, frame, block, loop, attempt + 1);
  }
  const code = err instanceof BlockFailure ? err.info.code : err instanceof BlockError ? err.code : (err as { code?: unknown } | null)?.code;
  if (block.onError === 'ignore') {
    run.log('warn', `Block ${block.label} failed, error ignored: ${message}`, block.id, frame.name);
    return NEXT_PORT;
  }
  if (block.onError === 'handle') {
    if (block.errorVariable !== undefined) {
      const value: BlockErrorValue = { message, blockId: block.id, blockType: block.type };
      if (typeof code === 'string') value.code = code;
      frame.vars.set(block.errorVariable, value);
    }
    return ERROR_PORT;
  }
  if (err instanceof BlockFailure) throw err; // from a sub-scenario: keep the inner block and scenario
  throw new BlockFailure(
    {
      message: `Block ${block.label} in scenario "${frame.name}" failed: ${message}`,
      blockId: block.id,
      blockType: block.type,
      scenario: frame.name,
      stack: err instanceof Error ? err.stack : undefined,
      code: typeof code === 'string' ? code : undefined,
      ...(err instanceof BlockError && err.screenshot !== undefined ? { screenshot: err.screenshot } : {}),
    },
    { cause: err },
  );
}
