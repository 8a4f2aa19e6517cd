import type { AnyBlockDefinition } from '../define.js';
import { excelAddSheet, excelCreate, excelListSheets, excelOpen, excelSave } from './workbook.js';
import { excelReadRange, excelReadSheet } from './read.js';
import { excelWriteCell, excelWriteTable, excelWriteTableToFile } from './write.js';

/** The Excel blocks, in palette order: one-shot file blocks first, then the open-workbook ones. */
export const excelBlocks: AnyBlockDefinition[] = [
  excelReadSheet,
  excelWriteTableToFile,
  excelOpen,
  excelCreate,
  excelListSheets,
  excelReadRange,
  excelWriteTable,
  excelWriteCell,
  excelAddSheet,
  excelSave,
];
