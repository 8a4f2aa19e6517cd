import type { AnyBlockDefinition } from '../define.js';
import { filesAppendText, filesReadText, filesWriteText } from './text.js';
import { filesCopy, filesCreateFolder, filesDelete, filesExists, filesMove } from './manage.js';
import { filesList } from './list.js';
import { filesTempFolder } from './temp.js';
import { filesUnzip, filesZip } from './zip.js';
import { filesWaitFor } from './wait.js';

/** The file blocks, in palette order. */
export const filesBlocks: AnyBlockDefinition[] = [
  filesReadText,
  filesWriteText,
  filesAppendText,
  filesExists,
  filesList,
  filesCopy,
  filesMove,
  filesDelete,
  filesCreateFolder,
  filesTempFolder,
  filesZip,
  filesUnzip,
  filesWaitFor,
];
