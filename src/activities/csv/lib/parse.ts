import { BlockError } from '../../define.js';

/**
 * An RFC 4180 reader: fields may be quoted; inside quotes a doubled quote is a quote and
 * delimiters and line breaks are plain text. Accepts CRLF, LF and CR line ends, skips blank lines.
 * Returns records of raw text fields with the line each record starts on (for error messages).
 */
export function parseCsv(text: string, delimiter: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field started with a quote
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (c === '"') {
      throw new BlockError(`CSV line ${line}: a quote inside an unquoted field; quote the field and double the quote ("")`, 'BAD_CSV');
    } else if (text.startsWith(delimiter, i)) {
      endField();
      i += delimiter.length - 1;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (wasQuoted) {
      throw new BlockError(`CSV line ${line}: unexpected "${c}" after a closing quote`, 'BAD_CSV');
    } else field += c;
  }
  if (quoted) throw new BlockError(`CSV line ${quoteLine}: a quoted field is never closed`, 'BAD_CSV');
  endRecord();
  return records;
}
