import { BlockError } from '../../define.js';

/** Narrows a choice parameter to its allowed values; an unknown value names the parameter and the options. */
export function oneOf<const T extends readonly string[]>(value: unknown, allowed: T, name: string, fallback: T[number]): T[number] {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value;
  throw new BlockError(`Parameter "${name}" must be one of ${allowed.join(', ')}; got "${String(value)}"`, 'BAD_INPUT');
}
