import type { VariableType } from '../scenario/schema.js';
import { isTable } from '../scenario/values.js';

/**
 * Variable type checks and the coercion of arguments given as strings (the CLI passes strings).
 * `null`/`undefined` mean "no value" and fit every type.
 */

export function isDictionary(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !isTable(value);
}

export function fitsType(type: VariableType, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (type) {
    case 'any':
      return true;
    case 'text':
    case 'secret':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return value instanceof Date;
    case 'list':
      return Array.isArray(value);
    case 'table':
      return isTable(value);
    case 'dictionary':
      return isDictionary(value);
  }
}

/** A short description of a value for error messages, never its content (it may be a secret). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Date) return 'datetime';
  if (isTable(value)) return 'table';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'dictionary';
  return typeof value;
}

const truthy = new Set(['true', '1', 'yes', 'y', 'on', 'да']);
const falsy = new Set(['false', '0', 'no', 'n', 'off', 'нет', '']);

/** Converts a string into the variable's type; returns the value unchanged when it already fits. */
export function coerceToType(type: VariableType, value: unknown, what: string): unknown {
  if (fitsType(type, value)) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    switch (type) {
      case 'number': {
        const n = Number(text);
        if (text !== '' && Number.isFinite(n)) return n;
        break;
      }
      case 'boolean':
        if (truthy.has(text.toLowerCase())) return true;
        if (falsy.has(text.toLowerCase())) return false;
        break;
      case 'datetime': {
        const d = new Date(text);
        if (!Number.isNaN(d.getTime())) return d;
        break;
      }
      case 'list':
      case 'dictionary':
      case 'table': {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new TypeError(`${what} expects ${type} as JSON, but the text is not valid JSON`);
        }
        if (fitsType(type, parsed)) return parsed;
        break;
      }
    }
  } else if (type === 'datetime' && typeof value === 'number') {
    return new Date(value);
  }
  throw new TypeError(`${what} expects ${type}, got ${describeType(value)}`);
}
