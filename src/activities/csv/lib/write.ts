/** RFC 4180 output: CRLF line ends; fields quoted only when they must be. */
export function formatCsv(records: string[][], delimiter: string): string {
  const needsQuotes = (field: string) => field.includes(delimiter) || /["\r\n]/.test(field) || /^\s|\s$/.test(field);
  const quote = (field: string) => (needsQuotes(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return records.map((fields) => fields.map(quote).join(delimiter) + '\r\n').join('');
}
