import type { AnyBlockDefinition } from '../define.js';

/** The orchestrator blocks, in palette order. */
export const orchestratorBlocks: AnyBlockDefinition[] = [];
