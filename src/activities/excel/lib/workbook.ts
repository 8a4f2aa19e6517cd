import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type ExcelJS from 'exceljs';
import { BlockError, type BlockContext, type Disposable } from '../../define.js';
import { BAD_INPUT, describeValue } from '../../kit/checks.js';
import { fileOp } from '../../kit/fsErrors.js';
import { loadExcelJS } from '../../libraries.js';

/**
 * The value an "open workbook" block puts into a variable. It lives only for the run: it is
 * registered with ctx.use and is unusable once the run ends. `toJSON` keeps debugger views and
 * logs small (a workbook is megabytes of objects).
 */
export type WorkbookHandle = Disposable & {
  readonly kind: 'workbook';
  /** Where `save` writes when no other path is given. */
  path: string;
  book: ExcelJS.Workbook | undefined;
  toJSON(): { kind: 'workbook'; path: string; sheets: string[] };
};

function makeHandle(book: ExcelJS.Workbook, path: string): WorkbookHandle {
  const handle: WorkbookHandle = {
    kind: 'workbook',
    path,
    book,
    toJSON: () => ({ kind: 'workbook', path: handle.path, sheets: handle.book?.worksheets.map((s) => s.name) ?? [] }),
    dispose: () => {
      handle.book = undefined;
    },
  };
  return handle;
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  await fileOp('open the workbook', path, () => stat(path));
  const book = await newWorkbook();
  try {
    await book.xlsx.readFile(path);
  } catch (error) {
    throw new BlockError(`Cannot open the workbook "${path}": it is not an .xlsx file or is damaged (${(error as Error).message})`, 'BAD_XLSX');
  }
  return book;
}

export async function openWorkbook(ctx: BlockContext, path: string): Promise<WorkbookHandle> {
  return ctx.use(makeHandle(await loadWorkbook(path), path));
}

/** An empty workbook (ExcelJS is loaded on the first one). */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  return new (await loadExcelJS()).Workbook();
}

export async function createWorkbook(ctx: BlockContext, path: string, firstSheet: string): Promise<WorkbookHandle> {
  const book = await newWorkbook();
  book.addWorksheet(firstSheet);
  return ctx.use(makeHandle(book, path));
}

/** The live workbook behind a handle parameter, or a BlockError saying what is wrong with it. */
export function workbookOf(value: unknown): { handle: WorkbookHandle; book: ExcelJS.Workbook } {
  const handle = value as WorkbookHandle | undefined;
  if (typeof handle !== 'object' || handle === null || handle.kind !== 'workbook') {
    throw new BlockError(`Parameter "workbook" must be a workbook from "Open workbook" or "Create workbook", but it is ${describeValue(value)}`, BAD_INPUT);
  }
  if (handle.book === undefined) throw new BlockError(`Workbook "${handle.path}" was already closed`, 'WORKBOOK_CLOSED');
  return { handle, book: handle.book };
}

/** Excel compares sheet names without regard to case: "лист1" is the sheet "Лист1". */
export function findSheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const wanted = name.toLocaleLowerCase();
  return book.worksheets.find((s) => s.name === name) ?? book.worksheets.find((s) => s.name.toLocaleLowerCase() === wanted);
}

/** A sheet by name, or the first sheet when no name is given. */
export function sheetOf(book: ExcelJS.Workbook, name: string | undefined, path: string): ExcelJS.Worksheet {
  const sheet = name === undefined || name === '' ? book.worksheets[0] : findSheet(book, name);
  if (sheet) return sheet;
  const names = book.worksheets.map((s) => s.name).join(', ');
  throw new BlockError(
    name ? `Sheet "${name}" is not in workbook "${path}" (sheets: ${names || 'none'})` : `Workbook "${path}" has no sheets`,
    'SHEET_NOT_FOUND',
  );
}

export async function saveWorkbook(book: ExcelJS.Workbook, path: string): Promise<void> {
  await fileOp('save the workbook to', path, async () => {
    await mkdir(dirname(path), { recursive: true });
    await book.xlsx.writeFile(path);
  });
}
