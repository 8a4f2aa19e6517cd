import type { AnyBlockDefinition } from '../define.js';

/** The dialogs blocks, in palette order. */
export const dialogsBlocks: AnyBlockDefinition[] = [];
