import type { AnyBlockDefinition } from '../define.js';
import { chooseFile, chooseFolder } from './choose.js';
import { confirm } from './confirm.js';
import { inputForm } from './input.js';
import { messageBox } from './message.js';

/** The dialogs blocks, in palette order. */
export const dialogsBlocks: AnyBlockDefinition[] = [messageBox, confirm, inputForm, chooseFile, chooseFolder];
