import type { AnyBlockDefinition } from '../define.js';
import { runPython } from './run-script.js';

/** The python blocks, in palette order. */
export const pythonBlocks: AnyBlockDefinition[] = [runPython];
