import { BlockError } from '../../define.js';
import { makeTable, type Table } from '../../../scenario/values.js';
import { displayText } from '../../kit/display.js';

/** Turns parsed records into a table: named by the header row, or Column1, Column2 … */
export function recordsToTable(records: { fields: string[]; line: number }[], header: boolean, source: string): Table {
  if (records.length === 0) return makeTable([]);
  const width = Math.max(...records.map((r) => r.fields.length));
  let columns: string[];
  let body = records;
  if (header) {
    const [first, ...rest] = records as [{ fields: string[]; line: number }, ...{ fields: string[]; line: number }[]];
    body = rest;
    columns = [];
    first.fields.forEach((name, i) => {
      let unique = name.trim() || `Column${i + 1}`;
      for (let n = 2; columns.includes(unique); n++) unique = `${name.trim() || `Column${i + 1}`} (${n})`;
      columns.push(unique);
    });
    const long = body.find((r) => r.fields.length > columns.length);
    if (long) {
      throw new BlockError(`${source}, line ${long.line}: ${long.fields.length} fields, but the header has ${columns.length} columns (check the delimiter)`, 'BAD_CSV');
    }
  } else {
    columns = Array.from({ length: width }, (_v, i) => `Column${i + 1}`);
  }
  return makeTable(columns, body.map((r) => Object.fromEntries(columns.map((c, i) => [c, r.fields[i] ?? '']))));
}

/** Cell text for CSV: numbers with the chosen decimal mark, everything else as `displayText`. */
export function cellText(value: unknown, decimal: string): string {
  if (typeof value === 'number' && decimal === ',') return String(value).replace('.', ',');
  return displayText(value);
}
