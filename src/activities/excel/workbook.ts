import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT } from '../kit/checks.js';
import { createWorkbook, findSheet, openWorkbook, saveWorkbook, workbookOf } from './lib/workbook.js';

export const workbookParam = param.any({ title: { en: 'Workbook', ru: 'Книга' }, required: true });
const workbookOutput = { workbook: { type: 'any' as const, title: { en: 'Workbook', ru: 'Книга' } } };

/** Sheet names Excel accepts: 1–31 characters, none of : \ / ? * [ ]. */
export function checkSheetName(name: string): string {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name)) {
    throw new BlockError(`Sheet name "${name}" is not allowed: use 1–31 characters without : \\ / ? * [ ]`, BAD_INPUT);
  }
  return name;
}

export const excelOpen = defineBlock({
  type: 'excel.open',
  category: 'excel',
  title: { en: 'Open workbook', ru: 'Открыть книгу Excel' },
  help: {
    en: 'Opens an .xlsx file for several reads and writes. Nothing is written to disk until "Save workbook". The workbook is closed when the run ends.',
    ru: 'Открывает файл .xlsx для нескольких операций чтения и записи. На диск ничего не пишется до блока «Сохранить книгу». Книга закрывается по окончании запуска.',
  },
  params: { path: param.filePath({ title: { en: 'File', ru: 'Файл' }, required: true, key: true, filters: ['xlsx'] }) },
  outputs: workbookOutput,
  async run(ctx, params) {
    return { outputs: { workbook: await openWorkbook(ctx, ctx.resolvePath(params.path)) } };
  },
});

export const excelCreate = defineBlock({
  type: 'excel.create',
  category: 'excel',
  title: { en: 'Create workbook', ru: 'Создать книгу Excel' },
  help: {
    en: 'Creates a new empty workbook with one sheet. It is written to the given path by "Save workbook".',
    ru: 'Создаёт новую пустую книгу с одним листом. Она записывается по указанному пути блоком «Сохранить книгу».',
  },
  params: {
    path: param.filePath({ title: { en: 'File to save to', ru: 'Файл для сохранения' }, required: true, key: true, save: true, filters: ['xlsx'] }),
    sheet: param.text({ title: { en: 'First sheet', ru: 'Первый лист' }, default: 'Лист1' }),
  },
  outputs: workbookOutput,
  async run(ctx, params) {
    const path = ctx.resolvePath(params.path);
    return { outputs: { workbook: await createWorkbook(ctx, path, checkSheetName(params.sheet)) } };
  },
});

export const excelListSheets = defineBlock({
  type: 'excel.listSheets',
  category: 'excel',
  title: { en: 'List sheets', ru: 'Список листов' },
  help: { en: 'Gives the names of the sheets of a workbook, in order.', ru: 'Возвращает имена листов книги по порядку.' },
  params: { workbook: workbookParam },
  outputs: { sheets: { type: 'list', title: { en: 'Sheets', ru: 'Листы' } } },
  run(_ctx, params) {
    return { outputs: { sheets: workbookOf(params.workbook).book.worksheets.map((s) => s.name) } };
  },
});

export const excelAddSheet = defineBlock({
  type: 'excel.addSheet',
  category: 'excel',
  title: { en: 'Add sheet', ru: 'Добавить лист' },
  help: { en: 'Adds an empty sheet at the end of the workbook.', ru: 'Добавляет пустой лист в конец книги.' },
  params: { workbook: workbookParam, name: param.text({ title: { en: 'Sheet name', ru: 'Имя листа' }, required: true, key: true }) },
  outputs: {},
  run(_ctx, params) {
    const { handle, book } = workbookOf(params.workbook);
    const name = checkSheetName(params.name);
    if (findSheet(book, name)) {
      throw new BlockError(`Sheet "${name}" already exists in workbook "${handle.path}"`, 'SHEET_EXISTS');
    }
    book.addWorksheet(name);
  },
});

export const excelSave = defineBlock({
  type: 'excel.save',
  category: 'excel',
  title: { en: 'Save workbook', ru: 'Сохранить книгу' },
  help: {
    en: 'Writes the workbook to its file, or to another path ("Save as"; later saves then go there too). Close the file in Excel first.',
    ru: 'Записывает книгу в её файл или по другому пути («Сохранить как»; следующие сохранения тоже пойдут туда). Сначала закройте файл в Excel.',
  },
  params: {
    workbook: workbookParam,
    path: param.filePath({ title: { en: 'Save as (optional)', ru: 'Сохранить как (необязательно)' }, save: true, filters: ['xlsx'] }),
  },
  outputs: { path: { type: 'text', title: { en: 'Full path', ru: 'Полный путь' } } },
  async run(ctx, params) {
    const { handle, book } = workbookOf(params.workbook);
    const path = params.path ? ctx.resolvePath(params.path) : handle.path;
    await saveWorkbook(book, path);
    handle.path = path;
    return { outputs: { path } };
  },
});
