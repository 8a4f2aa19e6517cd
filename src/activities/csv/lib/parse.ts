import { BlockError } from '../../define.js';
import { loadCsvParse } from '../../libraries.js';

const lineBreaks = /\r\n|\r|\n/g;

function failAt(line: number, why: string): BlockError {
  return new BlockError(`CSV line ${line}: ${why}`, 'BAD_CSV');
}

type CsvParseError = Error & { code?: string; lines?: number };

/**
 * An RFC 4180 reader (csv-parse): fields may be quoted; inside quotes a doubled quote is a quote
 * and delimiters and line breaks are plain text. Accepts CRLF, LF and CR line ends (mixed too),
 * skips blank lines, keeps ragged rows (the table decides what they mean). Returns records of raw
 * text fields with the line each record starts on, and says in our words what is wrong and where.
 */
export function parseCsv(text: string, delimiter: string): { fields: string[]; line: number }[] {
  const { parse } = loadCsvParse();
  let lastEnd = 0;
  const ends: number[] = [];
  try {
    const records = parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record, context) => {
        lastEnd = context.lines;
        ends.push(context.lines);
        return record;
      },
    });
    // `lines` is where a record ends; a quoted field with line breaks started that many lines earlier.
    return records.map((fields, i) => ({ fields, line: ends[i] - fields.reduce((n, field) => n + (field.match(lineBreaks)?.length ?? 0), 0) }));
  } catch (error) {
    throw describeCsvError(error as CsvParseError, lastEnd);
  }
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
