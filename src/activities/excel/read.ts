import { defineBlock, param } from '../define.js';
import { parseRange } from './lib/address.js';
import { readArea, usedArea } from './lib/sheetTable.js';
import { loadWorkbook, sheetOf, workbookOf } from './lib/workbook.js';
import { workbookParam } from './workbook.js';
import type ExcelJS from 'exceljs';

const readParams = {
  sheet: param.text({ title: { en: 'Sheet (empty: the first)', ru: 'Лист (пусто — первый)' }, key: true }),
  range: param.text({ title: { en: 'Range (empty: all used cells)', ru: 'Диапазон (пусто — все заполненные)' }, placeholder: 'A1:D20' }),
  header: param.boolean({ title: { en: 'First row is the header', ru: 'Первая строка — заголовок' }, default: true }),
};
const readHelp = {
  en: 'Formulas give their last calculated value, date cells give dates, empty rows are skipped. Without a header, columns are named A, B, C …',
  ru: 'Формулы дают последнее вычисленное значение, ячейки с датами — даты, пустые строки пропускаются. Без заголовка столбцы называются A, B, C …',
};
const tableOutput = { table: { type: 'table' as const, title: { en: 'Table', ru: 'Таблица' } } };

function readFrom(book: ExcelJS.Workbook, path: string, params: { sheet?: string; range?: string; header?: boolean }) {
  const sheet = sheetOf(book, params.sheet || undefined, path);
  const area = params.range ? parseRange(params.range) : usedArea(sheet);
  return readArea(sheet, area, params.header !== false);
}

export const excelReadRange = defineBlock({
  type: 'excel.readRange',
  category: 'excel',
  title: { en: 'Read sheet or range', ru: 'Прочитать лист или диапазон' },
  help: { en: `Reads a sheet of an open workbook, or a range like A1:D20, into a table. ${readHelp.en}`, ru: `Читает лист открытой книги или диапазон вида A1:D20 в таблицу. ${readHelp.ru}` },
  params: { workbook: workbookParam, ...readParams },
  outputs: tableOutput,
  run(_ctx, params) {
    const { handle, book } = workbookOf(params.workbook);
    return { outputs: { table: readFrom(book, handle.path, params) } };
  },
});

export const excelReadSheet = defineBlock({
  type: 'excel.readSheet',
  category: 'excel',
  title: { en: 'Read Excel file to table', ru: 'Прочитать файл Excel в таблицу' },
  help: { en: `Opens an .xlsx file, reads one sheet (or a range) into a table and closes it. ${readHelp.en}`, ru: `Открывает файл .xlsx, читает лист (или диапазон) в таблицу и закрывает файл. ${readHelp.ru}` },
  params: { path: param.filePath({ title: { en: 'File', ru: 'Файл' }, required: true, filters: ['xlsx'] }), ...readParams },
  outputs: tableOutput,
  async run(ctx, params) {
    const path = ctx.resolvePath(params.path);
    return { outputs: { table: readFrom(await loadWorkbook(path), path, params) } };
  },
});
