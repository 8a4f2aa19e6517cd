import { loadCsvStringify } from '../../libraries.js';

/** RFC 4180 output (csv-stringify): CRLF line ends; fields quoted only when they must be (or start/end with a space). */
export function formatCsv(records: string[][], delimiter: string): string {
  const { stringify } = loadCsvStringify();
  return stringify(records, { delimiter, record_delimiter: '\r\n', quoted_match: /^\s|\s$|[\r\n]/ });
}
