import type { AnyBlockDefinition } from '../define.js';
import { runCommand } from './run-command.js';
import { getEnv, setEnv } from './environment.js';

/** The system blocks, in palette order. */
export const systemBlocks: AnyBlockDefinition[] = [runCommand, getEnv, setEnv];
