import { BlockError } from '../../define.js';

/**
 * Date patterns as business users write them (`dd.MM.yyyy HH:mm`): yyyy yy MM M dd d HH H mm ss
 * SSS; anything else is literal, and text in single quotes is literal too ('T'). Dates are read
 * and written in the robot's local time zone, which is what a person means by "12:00".
 */

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'ms';
type Token = { field: Field; width: number; exact: boolean } | { literal: string };

const tokenTable: Record<string, { field: Field; width: number; exact: boolean }> = {
  yyyy: { field: 'year', width: 4, exact: true },
  yy: { field: 'year', width: 2, exact: true },
  MM: { field: 'month', width: 2, exact: true },
  M: { field: 'month', width: 2, exact: false },
  dd: { field: 'day', width: 2, exact: true },
  d: { field: 'day', width: 2, exact: false },
  HH: { field: 'hour', width: 2, exact: true },
  H: { field: 'hour', width: 2, exact: false },
  mm: { field: 'minute', width: 2, exact: true },
  ss: { field: 'second', width: 2, exact: true },
  SSS: { field: 'ms', width: 3, exact: true },
};
const tokenPattern = /'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|mm|ss|SSS/g;

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of pattern.matchAll(tokenPattern)) {
    if (m.index > last) tokens.push({ literal: pattern.slice(last, m.index) });
    tokens.push(m[1] !== undefined ? { literal: m[1] } : tokenTable[m[0]]);
    last = m.index + m[0].length;
  }
  if (last < pattern.length) tokens.push({ literal: pattern.slice(last) });
  return tokens;
}

export function parseDate(text: string, pattern: string): Date {
  const fail = (why: string) => new BlockError(`Text "${text}" is not a date in the pattern "${pattern}": ${why}`, 'BAD_DATE');
  const got: Record<Field, number> = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let at = 0;
  const source = text.trim();
  for (const token of tokenize(pattern)) {
    if ('literal' in token) {
      if (source.slice(at, at + token.literal.length) !== token.literal) throw fail(`expected "${token.literal}" at position ${at + 1}`);
      at += token.literal.length;
      continue;
    }
    const digits = (token.exact ? new RegExp(`^\\d{${token.width}}`) : /^\d{1,2}/).exec(source.slice(at))?.[0];
    if (digits === undefined) throw fail(`expected ${token.exact ? token.width : '1–2'} digits at position ${at + 1}`);
    at += digits.length;
    got[token.field] = token.field === 'year' && token.width === 2 ? 2000 + Number(digits) : Number(digits);
  }
  if (at !== source.length) throw fail(`unexpected "${source.slice(at)}" at the end`);
  const date = new Date(got.year, got.month - 1, got.day, got.hour, got.minute, got.second, got.ms);
  // The Date constructor rolls 31.02 over into March; a real date reads back the same.
  if (date.getMonth() !== got.month - 1 || date.getDate() !== got.day || date.getHours() !== got.hour || got.minute > 59 || got.second > 59) {
    throw fail('no such day or time');
  }
  return date;
}

export function formatDate(date: Date, pattern: string): string {
  const values: Record<Field, number> = {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    ms: date.getMilliseconds(),
  };
  return tokenize(pattern)
    .map((token) => {
      if ('literal' in token) return token.literal;
      const value = values[token.field];
      if (token.field === 'year' && token.width === 2) return String(value % 100).padStart(2, '0');
      return token.exact ? String(value).padStart(token.width, '0') : String(value);
    })
    .join('');
}
