import type ExcelJS from 'exceljs';
import { makeTable, type Table } from '../../../scenario/values.js';
import { columnLetters, type Area, type CellRef } from './address.js';
import { dateFormatFor, readCellValue, toCellValue } from './cells.js';

function uniqueNames(raw: unknown[], fallback: (i: number) => string): string[] {
  const names: string[] = [];
  raw.forEach((value, i) => {
    const base = (value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value)).trim() || fallback(i);
    let name = base;
    for (let n = 2; names.includes(name); n++) name = `${base} (${n})`;
    names.push(name);
  });
  return names;
}

/** The used area of a sheet, or undefined for an empty sheet. */
export function usedArea(sheet: ExcelJS.Worksheet): Area | undefined {
  if (sheet.actualRowCount === 0) return undefined;
  const { top, left, bottom, right } = sheet.dimensions;
  return { top, left, bottom, right };
}

/**
 * Reads an area into a table. With a header, the first row names the columns (blank names become
 * the column letter); without one, columns are named by letter (A, B …). Fully blank rows are skipped.
 */
export function readArea(sheet: ExcelJS.Worksheet, area: Area | undefined, header: boolean): Table {
  if (area === undefined) return makeTable([]);
  const rowValues = (r: number) => {
    const row = sheet.getRow(r);
    return Array.from({ length: area.right - area.left + 1 }, (_v, i) => readCellValue(row.getCell(area.left + i).value));
  };
  const letter = (i: number) => columnLetters(area.left + i);
  const columns = header ? uniqueNames(rowValues(area.top), letter) : Array.from({ length: area.right - area.left + 1 }, (_v, i) => letter(i));
  const rows: Record<string, unknown>[] = [];
  for (let r = header ? area.top + 1 : area.top; r <= area.bottom; r++) {
    const values = rowValues(r);
    if (values.every((v) => v === null || v === '')) continue;
    rows.push(Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null])));
  }
  return makeTable(columns, rows);
}

export function writeCell(sheet: ExcelJS.Worksheet, at: CellRef, value: unknown): void {
  const cell = sheet.getCell(at.row, at.col);
  cell.value = toCellValue(value);
  const format = dateFormatFor(value);
  if (format) cell.numFmt = format;
}

/** Writes a table with its top-left corner at `at`; the header row is bold. Returns rows written. */
export function writeTable(sheet: ExcelJS.Worksheet, table: Table, at: CellRef, header: boolean): number {
  let row = at.row;
  if (header) {
    table.columns.forEach((name, i) => writeCell(sheet, { row, col: at.col + i }, name));
    sheet.getRow(row).font = { bold: true };
    row++;
  }
  for (const values of table.rows) {
    table.columns.forEach((name, i) => writeCell(sheet, { row, col: at.col + i }, values[name]));
    row++;
  }
  return row - at.row;
}
