import { BlockError } from '../define.js';
import { isTable, type Table } from '../../scenario/values.js';

/**
 * Checks of evaluated values, shared by the data, text, tables, files, csv and excel blocks. The
 * engine has already checked every parameter against its declared kind (presence, type, choices:
 * `checkParam` in src/engine/params.ts), so handlers use these only for what it does not know: the
 * values of `any` / `expression` / `json` parameters, the items inside a list or dictionary, and a
 * value's content (finite, whole, non-empty). Each turns a wrong value into a BlockError naming the
 * parameter and what it got.
 */

export const BAD_INPUT = 'BAD_INPUT';

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (isTable(value)) return 'a table';
  if (typeof value === 'object') return 'a dictionary';
  return `a ${typeof value === 'string' ? 'text' : typeof value}`;
}

function wrongType(name: string, expected: string, value: unknown): BlockError {
  return new BlockError(`Parameter "${name}" must be ${expected}, but it is ${describeValue(value)}`, BAD_INPUT);
}

export function isDictionary(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !isTable(value);
}

/** Text; numbers and booleans are accepted and converted, as a user typing `42` would expect. */
export function asText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw wrongType(name, 'text', value);
}

export function asNumber(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw wrongType(name, 'a number', value);
}

/** A `number` parameter is a number after the engine's check, but an expression may give NaN or Infinity. */
export function finite(name: string, value: number): number {
  if (Number.isFinite(value)) return value;
  throw new BlockError(`Parameter "${name}" must be a finite number, but it is ${value}`, BAD_INPUT);
}

/** A `number` parameter that must be whole (a count, a position). */
export function wholeNumber(name: string, value: number): number {
  const n = finite(name, value);
  if (!Number.isInteger(n)) throw new BlockError(`Parameter "${name}" must be a whole number, but it is ${n}`, BAD_INPUT);
  return n;
}

export function asInteger(name: string, value: unknown): number {
  return wholeNumber(name, asNumber(name, value));
}

export function asList(name: string, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  throw wrongType(name, 'a list', value);
}

export function asDictionary(name: string, value: unknown): Record<string, unknown> {
  if (isDictionary(value)) return value;
  throw wrongType(name, 'a dictionary', value);
}

export function asTable(name: string, value: unknown): Table {
  if (isTable(value)) return value;
  throw wrongType(name, 'a table', value);
}

export function asDate(name: string, value: unknown): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw wrongType(name, 'a date', value);
}

/** A list of column/field names given as a list or as comma-separated text. */
export function asNameList(name: string, value: unknown): string[] {
  const names = typeof value === 'string' ? value.split(',') : asList(name, value).map((v) => asText(name, v));
  const trimmed = names.map((n) => n.trim()).filter((n) => n !== '');
  if (trimmed.length === 0) throw new BlockError(`Parameter "${name}" must name at least one column`, BAD_INPUT);
  return trimmed;
}
