import type { AnyBlockDefinition } from '../define.js';
import { csvRead, csvWrite } from './csv.js';

/** The CSV blocks, in palette order. */
export const csvBlocks: AnyBlockDefinition[] = [csvRead, csvWrite];
