import type { AnyBlockDefinition } from '../define.js';

/** The text blocks, in palette order. */
export const textBlocks: AnyBlockDefinition[] = [];
