import { stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT } from '../kit/checks.js';
import { parseCell } from './lib/address.js';
import { writeCell, writeTable } from './lib/sheetTable.js';
import { findSheet, loadWorkbook, newWorkbook, saveWorkbook, sheetOf, workbookOf } from './lib/workbook.js';
import { checkSheetName, workbookParam } from './workbook.js';

function sheetOrNew(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return findSheet(book, name) ?? book.addWorksheet(checkSheetName(name));
}

const headerParam = param.boolean({ title: { en: 'Write the header row', ru: 'Записать строку заголовка' }, default: true });

export const excelWriteTable = defineBlock({
  type: 'excel.writeTable',
  category: 'excel',
  title: { en: 'Write table to sheet', ru: 'Записать таблицу на лист' },
  help: {
    en: 'Writes a table into a sheet of an open workbook from a start cell (the sheet is created if missing). Call "Save workbook" to write the file.',
    ru: 'Записывает таблицу на лист открытой книги начиная с указанной ячейки (лист создаётся, если его нет). Чтобы записать файл, вызовите «Сохранить книгу».',
  },
  params: {
    workbook: workbookParam,
    table: param.table({ title: { en: 'Table', ru: 'Таблица' }, required: true }),
    sheet: param.text({ title: { en: 'Sheet', ru: 'Лист' }, required: true, key: true }),
    start: param.text({ title: { en: 'Start cell', ru: 'Начальная ячейка' }, default: 'A1' }),
    header: headerParam,
  },
  outputs: { rows: { type: 'number', title: { en: 'Rows written', ru: 'Записано строк' } } },
  run(_ctx, params) {
    const { book } = workbookOf(params.workbook);
    const table = params.table;
    const at = parseCell(params.start);
    return { outputs: { rows: writeTable(sheetOrNew(book, params.sheet), table, at, params.header !== false) } };
  },
});

export const excelWriteCell = defineBlock({
  type: 'excel.writeCell',
  category: 'excel',
  title: { en: 'Write cell', ru: 'Записать ячейку' },
  help: {
    en: 'Writes a value into a cell. A list of lists fills a block of cells starting there (rows of values).',
    ru: 'Записывает значение в ячейку. Список списков заполняет блок ячеек начиная с неё (строки значений).',
  },
  params: {
    workbook: workbookParam,
    sheet: param.text({ title: { en: 'Sheet (empty: the first)', ru: 'Лист (пусто — первый)' } }),
    cell: param.text({ title: { en: 'Cell', ru: 'Ячейка' }, required: true, key: true, placeholder: 'B2' }),
    value: param.any({ title: { en: 'Value', ru: 'Значение' } }),
  },
  outputs: {},
  run(_ctx, params) {
    const { handle, book } = workbookOf(params.workbook);
    const sheet = sheetOf(book, params.sheet || undefined, handle.path);
    const at = parseCell(params.cell);
    const value: unknown = params.value;
    if (Array.isArray(value) && value.every(Array.isArray)) {
      (value as unknown[][]).forEach((row, r) => row.forEach((v, c) => writeCell(sheet, { row: at.row + r, col: at.col + c }, v)));
    } else if (Array.isArray(value)) {
      throw new BlockError('Parameter "value" is a list: give one value, or a list of rows (a list of lists) to fill a block', BAD_INPUT);
    } else writeCell(sheet, at, value);
  },
});

export const excelWriteTableToFile = defineBlock({
  type: 'excel.writeTableToFile',
  category: 'excel',
  title: { en: 'Write table to Excel file', ru: 'Записать таблицу в файл Excel' },
  help: {
    en: 'Saves a table as a sheet of an .xlsx file in one step. An existing file keeps its other sheets; the contents of the named sheet are replaced.',
    ru: 'Сохраняет таблицу на лист файла .xlsx за один шаг. В существующем файле остальные листы сохраняются, а содержимое указанного листа заменяется.',
  },
  params: {
    table: param.table({ title: { en: 'Table', ru: 'Таблица' }, required: true }),
    path: param.filePath({ title: { en: 'File', ru: 'Файл' }, required: true, key: true, save: true, filters: ['xlsx'] }),
    sheet: param.text({ title: { en: 'Sheet', ru: 'Лист' }, default: 'Лист1' }),
    header: headerParam,
  },
  outputs: { path: { type: 'text', title: { en: 'Full path', ru: 'Полный путь' } } },
  async run(ctx, params) {
    const table = params.table;
    const path = ctx.resolvePath(params.path);
    const name = checkSheetName(params.sheet);
    const exists = await stat(path).then(() => true, () => false);
    const book = exists ? await loadWorkbook(path) : await newWorkbook();
    // An existing sheet is emptied in place, so it keeps its position and column widths.
    const sheet = sheetOrNew(book, name);
    sheet.eachRow((row) => row.eachCell((cell) => (cell.value = null)));
    writeTable(sheet, table, { row: 1, col: 1 }, params.header !== false);
    await saveWorkbook(book, path);
    return { outputs: { path } };
  },
});
