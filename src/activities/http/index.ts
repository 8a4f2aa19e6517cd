import type { AnyBlockDefinition } from '../define.js';

/** The http blocks, in palette order. */
export const httpBlocks: AnyBlockDefinition[] = [];
