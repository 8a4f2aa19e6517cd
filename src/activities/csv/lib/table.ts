import { BlockError } from '../../define.js';
import { makeTable, type Table } from '../../../scenario/values.js';
import { displayText } from '../../kit/display.js';
import { decodeText, type Encoding } from '../../kit/encoding.js';
import { detectDelimiter, parseCsv, type CsvRecords } from './parse.js';
import { formatCsv } from './write.js';

/**
 * What `csv.read` does with a file's bytes (and what `npm run bench:csv` measures): decode,
 * parse with the given delimiter or the one detected from the first line, build the table.
 * UTF-8 goes to the parser as bytes (it works on bytes; decoding and encoding again costs time).
 * Errors name `source` (the file) and the line.
 */
export function csvToTable(bytes: Buffer, options: { encoding: Encoding; delimiter?: string; header: boolean; source: string }): Table {
  const input = options.encoding === 'windows-1251' ? decodeText(bytes, options.encoding) : withoutBom(bytes);
  const delimiter = options.delimiter ?? detectDelimiter(typeof input === 'string' ? input : input.subarray(0, 64 * 1024).toString('utf8'));
  let parsed;
  try {
    parsed = parseCsv(input, delimiter);
  } catch (error) {
    if (error instanceof BlockError) throw new BlockError(`${options.source}: ${error.message}`, error.code);
    throw error;
  }
  return recordsToTable(parsed, options.header, options.source);
}

function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** What `csv.write` turns a table into before encoding it: cells as text, the header row first if asked. */
export function tableToCsv(table: Table, options: { delimiter: string; decimal: string; header: boolean }): string {
  const records = table.rows.map((row) => table.columns.map((c) => cellText(row[c], options.decimal)));
  if (options.header) records.unshift([...table.columns]);
  return formatCsv(records, options.delimiter);
}

/** Turns parsed records into a table: named by the header row, or Column1, Column2 … */
export function recordsToTable({ records, lineOf }: CsvRecords, header: boolean, source: string): Table {
  if (records.length === 0) return makeTable([]);
  let width = 0;
  for (const fields of records) width = Math.max(width, fields.length);
  let columns: string[];
  let from = 0;
  if (header) {
    from = 1;
    columns = uniqueNames(records[0]);
    const long = records.findIndex((fields, i) => i > 0 && fields.length > columns.length);
    if (long !== -1) {
      throw new BlockError(`${source}, line ${lineOf(long)}: ${records[long].length} fields, but the header has ${columns.length} columns (check the delimiter)`, 'BAD_CSV');
    }
  } else {
    columns = Array.from({ length: width }, (_v, i) => `Column${i + 1}`);
  }
  const rows: Record<string, string>[] = new Array<Record<string, string>>(records.length - from);
  for (let r = from; r < records.length; r++) {
    const fields = records[r];
    const row: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]] = fields[i] ?? '';
    rows[r - from] = row;
  }
  return makeTable(columns, rows);
}

/** Header names made usable: blank ones become ColumnN, repeated ones get " (2)", " (3)" … */
function uniqueNames(names: string[]): string[] {
  const columns: string[] = [];
  names.forEach((name, i) => {
    let unique = name.trim() || `Column${i + 1}`;
    for (let n = 2; columns.includes(unique); n++) unique = `${name.trim() || `Column${i + 1}`} (${n})`;
    columns.push(unique);
  });
  return columns;
}

/** Cell text for CSV: numbers with the chosen decimal mark, everything else as `displayText`. */
export function cellText(value: unknown, decimal: string): string {
  if (typeof value === 'number' && decimal === ',') return String(value).replace('.', ',');
  return displayText(value);
}
