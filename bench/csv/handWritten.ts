/**
 * The hand-written CSV reader, table builder and writer Cairn had before csv-parse / csv-stringify (as of commit
 * 2824979^, errors as plain Errors), kept here ONLY as the baseline `npm run bench:csv` measures
 * the blocks' library path against in the same run. Product code never imports this.
 */
import { makeTable, type Table } from '../../src/scenario/values.js';

const lineBreaks = /\r\n|\r|\n/g;

function failAt(line: number, why: string): Error {
  return new Error(`CSV line ${line}: ${why}`);
}

/**
 * An RFC 4180 reader: fields may be quoted; inside quotes a doubled quote is a quote and
 * delimiters and line breaks are plain text. Accepts CRLF, LF and CR line ends, skips blank lines.
 * Returns records of raw text fields with the line each record starts on (for error messages).
 * Fields are sliced out of the text in runs, not built a character at a time: that is what keeps
 * a 100 000-row export fast.
 */
export function handWrittenParseCsv(text: string, delimiter: string): { fields: string[]; line: number }[] {
  const plainRun = new RegExp(`[^"\\r\\n${delimiter.replace(/[\\\]^-]/g, '\\$&')}]+`, 'y');
  const records: { fields: string[]; line: number }[] = [];
  const n = text.length;
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      const quoteLine = line;
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) throw failAt(quoteLine, 'a quoted field is never closed');
        field += text.slice(from, quote);
        if (text[quote + 1] !== '"') {
          i = quote + 1;
          break;
        }
        field += '"';
        from = quote + 2;
      }
      line += field.match(lineBreaks)?.length ?? 0;
      if (i < n && !text.startsWith(delimiter, i) && text[i] !== '\r' && text[i] !== '\n') {
        throw failAt(line, `unexpected "${text[i]}" after a closing quote`);
      }
    } else {
      plainRun.lastIndex = i;
      field = plainRun.exec(text)?.[0] ?? '';
      i += field.length;
      if (text[i] === '"') throw failAt(line, 'a quote inside an unquoted field; quote the field and double the quote ("")');
    }
    fields.push(field);
    if (i >= n) break;
    if (text.startsWith(delimiter, i)) {
      i += delimiter.length;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRecord();
    line++;
    recordLine = line;
    if (i >= n) return records;
  }
  endRecord();
  return records;
}

/** RFC 4180 output: CRLF line ends; fields quoted only when they must be. */
export function handWrittenFormatCsv(records: string[][], delimiter: string): string {
  const needsQuotes = (field: string) => field.includes(delimiter) || /["\r\n]/.test(field) || /^\s|\s$/.test(field);
  const quote = (field: string) => (needsQuotes(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return records.map((fields) => fields.map(quote).join(delimiter) + '\r\n').join('');
}

/** Turns parsed records into a table: named by the header row, or Column1, Column2 … */
export function handWrittenRecordsToTable(records: { fields: string[]; line: number }[], header: boolean, source: string): Table {
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
      throw new Error(`${source}, line ${long.line}: ${long.fields.length} fields, but the header has ${columns.length} columns (check the delimiter)`);
    }
  } else {
    columns = Array.from({ length: width }, (_v, i) => `Column${i + 1}`);
  }
  return makeTable(columns, body.map((r) => Object.fromEntries(columns.map((c, i) => [c, r.fields[i] ?? '']))));
}
