import type { AnyBlockDefinition } from '../define.js';
import { httpRequest } from './request.js';
import { httpDownload } from './download.js';

/** The http blocks, in palette order. */
export const httpBlocks: AnyBlockDefinition[] = [httpRequest, httpDownload];
