import { BlockError } from '../define.js';
import { isTable, type Table } from '../../scenario/values.js';

/**
 * Type checks for evaluated parameters, shared by the data, text, tables, files, csv and excel
 * blocks. Parameters may come from expressions, so a handler cannot trust their runtime type;
 * these turn a wrong type into a BlockError that names the parameter and what it got.
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

export function asInteger(name: string, value: unknown): number {
  const n = asNumber(name, value);
  if (!Number.isInteger(n)) throw new BlockError(`Parameter "${name}" must be a whole number, but it is ${n}`, BAD_INPUT);
  return n;
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
