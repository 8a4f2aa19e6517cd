import type { AnyBlockDefinition } from '../define.js';

/** The csv blocks, in palette order. */
export const csvBlocks: AnyBlockDefinition[] = [];
