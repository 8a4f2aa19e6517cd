import type { AnyBlockDefinition } from '../define.js';

/** The web blocks, in palette order. */
export const webBlocks: AnyBlockDefinition[] = [];
