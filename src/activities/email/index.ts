import type { AnyBlockDefinition } from '../define.js';

/** The email blocks, in palette order. */
export const emailBlocks: AnyBlockDefinition[] = [];
