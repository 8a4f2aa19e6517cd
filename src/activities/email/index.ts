import type { AnyBlockDefinition } from '../define.js';
import { readEmail } from './read.js';
import { sendEmail } from './send.js';

/** The email blocks, in palette order. */
export const emailBlocks: AnyBlockDefinition[] = [sendEmail, readEmail];
