import type { DesignerState } from '../store/index.js';
import { breakpointKind, type BreakpointKind } from '../store/debug.js';

/** The breakpoint glyph of a block of the active scenario (selector for BlockNode). */
export function breakpointOf(s: DesignerState, blockId: string): BreakpointKind | undefined {
  if (!s.active) return undefined;
  const bp = s.breakpoints[s.active]?.find((b) => b.blockId === blockId);
  return bp === undefined ? undefined : breakpointKind(bp);
}

/**
 * The message of the last run's failure when it happened at this block of the active scenario
 * (a block id is unique within its scenario only, so the scenario's name must match too).
 */
export function failureOf(s: DesignerState, blockId: string): string | undefined {
  const error = s.run.result?.error;
  if (error?.blockId !== blockId || !s.active) return undefined;
  const name = s.docs[s.active]?.doc.name;
  if (error.scenario !== undefined && error.scenario !== name) return undefined;
  // The block already names itself on the canvas: show what went wrong, not where.
  return error.message.replace(FAILED_PREFIX, '');
}

/** The engine's `Block "id" (type) in scenario "name" failed: ` before the block's own message. */
const FAILED_PREFIX = /^Block .+? in scenario ".*?" failed: /;
