/** How literal values are shown in and read back from text fields. */

export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/**
 * Reads what the user typed as a value of the given type: numbers and booleans by their type,
 * structured types as JSON, text as is. Text that doesn't fit stays text, so nothing is lost.
 */
export function parseLiteral(text: string, type: string): unknown {
  if (type === 'text' || type === 'secret' || type === 'datetime') return text;
  if (type === 'number') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
