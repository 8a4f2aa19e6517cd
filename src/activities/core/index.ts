import type { AnyBlockDefinition } from '../define.js';

/** The core blocks, in palette order. */
export const coreBlocks: AnyBlockDefinition[] = [];
