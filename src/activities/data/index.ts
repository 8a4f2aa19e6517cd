import type { AnyBlockDefinition } from '../define.js';

/** The data blocks, in palette order. */
export const dataBlocks: AnyBlockDefinition[] = [];
