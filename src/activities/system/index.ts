import type { AnyBlockDefinition } from '../define.js';

/** The system blocks, in palette order. */
export const systemBlocks: AnyBlockDefinition[] = [];
