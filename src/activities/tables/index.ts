import type { AnyBlockDefinition } from '../define.js';

/** The tables blocks, in palette order. */
export const tablesBlocks: AnyBlockDefinition[] = [];
