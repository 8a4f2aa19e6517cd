import { BlockError } from '../../define.js';
import { loadCsvParse } from '../../libraries.js';

const lineBreaks = /\r\n|\r|\n/g;

function failAt(line: number, why: string): BlockError {
  return new BlockError(`CSV line ${line}: ${why}`, 'BAD_CSV');
}

type CsvParseError = Error & { code?: string; lines?: number };
type CsvInput = string | Buffer;

/** Parsed records and, on demand, the line a record starts on (for error messages). */
export type CsvRecords = { records: string[][]; lineOf: (index: number) => number };

/** RFC 4180 as Cairn reads it: all three line ends, even mixed; blank lines skipped; ragged rows kept. */
const baseOptions = { record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: true, relax_column_count: true };

/**
 * An RFC 4180 reader (csv-parse): fields may be quoted; inside quotes a doubled quote is a quote
 * and delimiters and line breaks are plain text. Accepts CRLF, LF and CR line ends (mixed too),
 * skips blank lines, keeps ragged rows (the table decides what they mean), and says in our words
 * what is wrong and where. Give it the file's UTF-8 bytes where you have them: csv-parse works on
 * bytes, and a string would be encoded again first.
 *
 * Speed (`npm run bench:csv`): the whole input in one synchronous call with no per-record callback
 * and no `info`, `columns` or `cast` (each costs csv-parse 30-100 % more). Line numbers are only
 * needed when something is wrong, so they are found then, by parsing again up to that record.
 */
export function parseCsv(input: CsvInput, delimiter: string): CsvRecords {
  const { parse } = loadCsvParse();
  let records: string[][];
  try {
    records = parse(input, { ...baseOptions, delimiter });
  } catch (error) {
    throw describeCsvError(error as CsvParseError, lastRecordEnd(input, delimiter));
  }
  return { records, lineOf: (index) => recordStartLine(input, delimiter, index) };
}

/**
 * Where records start and end, up to record `count` (all if undefined); stops quietly at a broken
 * one. `lines` is where csv-parse finishes a record; a quoted field with line breaks started that
 * many lines earlier.
 */
function recordLines(input: CsvInput, delimiter: string, count?: number): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  try {
    loadCsvParse().parse(input, {
      ...baseOptions,
      delimiter,
      to: count,
      on_record: (record, context) => {
        const breaks = record.reduce((n, field) => n + (field.match(lineBreaks)?.length ?? 0), 0);
        lines.push({ start: context.lines - breaks, end: context.lines });
        return record;
      },
    });
  } catch {
    // The first parse has the error itself: here only the lines before it are wanted.
  }
  return lines;
}

function lastRecordEnd(input: CsvInput, delimiter: string): number {
  return recordLines(input, delimiter).at(-1)?.end ?? 0;
}

function recordStartLine(input: CsvInput, delimiter: string, index: number): number {
  return recordLines(input, delimiter, index + 1)[index]?.start ?? 0;
}

function describeCsvError(error: CsvParseError, lastRecordEnd: number): Error {
  const line = error.lines ?? lastRecordEnd + 1;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      // csv-parse reports the end of the text; the user needs the line the quote opened on.
      return failAt(lastRecordEnd + 1, 'a quoted field is never closed');
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return failAt(line, 'a quote inside an unquoted field; quote the field and double the quote ("")');
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE': {
      const got = /got "(.*?)"/.exec(error.message)?.[1] ?? '?';
      return failAt(line, `unexpected "${got}" after a closing quote`);
    }
    default:
      return error.code?.startsWith('CSV_') ? failAt(line, error.message) : error;
  }
}

/**
 * Guesses the delimiter from the first line: the candidate that occurs most often outside quotes
 * (`;` from Russian Excel, `,`, tab). A one-column file falls back to `;`.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of text.slice(0, 64 * 1024)) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ';';
  for (const [candidate, count] of counts) if (count > counts.get(best)!) best = candidate;
  return best;
}
