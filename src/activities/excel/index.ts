import type { AnyBlockDefinition } from '../define.js';

/** The excel blocks, in palette order. */
export const excelBlocks: AnyBlockDefinition[] = [];
