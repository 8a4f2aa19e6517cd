import type ExcelJS from 'exceljs';

/*
 * Excel dates have no time zone: a cell showing 15.01.2024 09:00 means that wall-clock time.
 * exceljs maps serial numbers to Dates as if they were UTC, so we move between the two by copying
 * the clock fields: a cell reads as the same local wall-clock time a person sees, and a local Date
 * writes as the wall-clock time it shows here.
 */
function fromSheetDate(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
}

function toSheetDate(date: Date): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()));
}

/** A cell's value as a user sees it: a formula's cached result, rich text as plain text, errors as their code. */
export function readCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return fromSheetDate(value);
  if (typeof value !== 'object') return value;
  if ('formula' in value || 'sharedFormula' in value) return readCellValue((value as ExcelJS.CellFormulaValue).result);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return readCellValue(value.text);
  if ('error' in value) return value.error;
  return null;
}

export function toCellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return toSheetDate(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** A date cell needs a display format, or Excel shows the serial number. */
export function dateFormatFor(value: unknown): string | undefined {
  if (!(value instanceof Date)) return undefined;
  return value.getHours() + value.getMinutes() + value.getSeconds() > 0 ? 'dd.mm.yyyy hh:mm:ss' : 'dd.mm.yyyy';
}
