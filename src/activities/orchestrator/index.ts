import type { AnyBlockDefinition } from '../define.js';
import { getAsset, getCredential, setAsset } from './assets.js';
import { sendLog } from './log.js';
import { screenshot } from './screenshot.js';
import { addTask, setTaskStatus, takeTask } from './tasks.js';

/** The orchestrator blocks, in palette order. */
export const orchestratorBlocks: AnyBlockDefinition[] = [getAsset, setAsset, getCredential, addTask, takeTask, setTaskStatus, sendLog, screenshot];
