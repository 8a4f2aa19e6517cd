import type { AnyBlockDefinition } from '../define.js';

/** The python blocks, in palette order. */
export const pythonBlocks: AnyBlockDefinition[] = [];
