import type { AnyBlockDefinition } from '../define.js';

/** The files blocks, in palette order. */
export const filesBlocks: AnyBlockDefinition[] = [];
