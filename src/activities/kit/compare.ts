import { param } from '../define.js';
import { isDictionary } from './checks.js';

/**
 * Ordering and equality for values that come from spreadsheets and CSV files, where numbers and
 * dates often arrive as text. `auto` compares "10" after "9" and "02.01.2024" after "31.12.2023".
 */
export type CompareAs = 'auto' | 'text' | 'number' | 'date';

/** The "Compare as" choice of every sorting block (lists, tables). */
export const compareAsParam = param.choice<CompareAs>({
  title: { en: 'Compare as', ru: 'Сравнивать как' },
  default: 'auto',
  advanced: true,
  choices: [
    { value: 'auto', title: { en: 'Auto', ru: 'Авто' } },
    { value: 'text', title: { en: 'Text', ru: 'Текст' } },
    { value: 'number', title: { en: 'Numbers', ru: 'Числа' } },
    { value: 'date', title: { en: 'Dates', ru: 'Даты' } },
  ],
});

const dottedDate = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim().replace(/[\s\u00a0]/g, '').replace(',', '.'));
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}

export function timeOf(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const d = dottedDate.exec(text);
  if (d) return new Date(+d[3], +d[2] - 1, +d[1], +(d[4] ?? 0), +(d[5] ?? 0), +(d[6] ?? 0)).getTime();
  // A date-only ISO text is a calendar day, like dd.MM.yyyy: local midnight (Date.parse says UTC).
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return new Date(+day[1], +day[2] - 1, +day[3]).getTime();
  if (isoDate.test(text)) return Date.parse(text);
  return undefined;
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

function textOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** Empty values (null, undefined, '') sort last in either direction. */
export function compareValues(a: unknown, b: unknown, as: CompareAs = 'auto'): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (as === 'number' || as === 'auto') {
    const [x, y] = [numberOf(a), numberOf(b)];
    if (x !== undefined && y !== undefined) return x - y;
  }
  if (as === 'date' || as === 'auto') {
    const [x, y] = [timeOf(a), timeOf(b)];
    if (x !== undefined && y !== undefined) return x - y;
  }
  return collator.compare(textOf(a), textOf(b));
}

/** Equality as a user means it: dates by moment, lists and dictionaries by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if ((typeof a === 'object' && a !== null) || (typeof b === 'object' && b !== null)) {
    if (!isDictionary(a) || !isDictionary(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  return Object.is(a, b) || (a === 0 && b === 0);
}

/** A stable key for de-duplication with `sameValue` semantics. */
export function valueKey(value: unknown): string {
  // Fast paths for the cells tables are made of; the JSON form below is for structures.
  if (typeof value === 'string') return `j:"${value}`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return `j:${String(value)}`;
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (value === undefined) return 'u';
  return `j:${JSON.stringify(value, (_k, v: unknown) => (isDictionary(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v))}`;
}
