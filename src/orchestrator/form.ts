/**
 * The wire forms of the protocol: form-encoded request bodies, and answers whose fields may be
 * JSON strings inside the JSON (`Job`, `ProcessVersion`, `Task` of consumeNextJob), spelled in
 * PascalCase by the robot calls and snake_case by the REST calls, and sometimes with stray spaces
 * (the seed's `' Task '`). Readers here accept all of those.
 */

export type FormValue = string | number | boolean | null | undefined | object;
export type JsonObject = Record<string, unknown>;

/** `application/x-www-form-urlencoded` body; objects become JSON strings, undefined is left out. */
export function toForm(fields: Record<string, FormValue>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null) form.append(key, '');
    else if (typeof value === 'object') form.append(key, JSON.stringify(value));
    else form.append(key, String(value));
  }
  return form.toString();
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const squash = (key: string): string => key.replace(/[\s_-]/g, '').toLowerCase();

/**
 * A field by name, tolerant of spelling: exact first, then ignoring case, spaces, `_` and `-`
 * (`Task`, `' Task '`, `task`; `ProcessGuid`, `process_guid`).
 */
export function field(source: unknown, name: string): unknown {
  if (!isObject(source)) return undefined;
  if (name in source) return source[name];
  const wanted = squash(name);
  for (const key of Object.keys(source)) if (squash(key) === wanted) return source[key];
  return undefined;
}

/** A nested JSON value that may arrive as a JSON string or as an object; '' and null are null. */
export function jsonField(source: unknown, name: string): unknown {
  const value = field(source, name);
  if (typeof value !== 'string') return value ?? null;
  const text = value.trim();
  if (text === '' || text === 'null') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value; // a plain string where JSON was allowed (e.g. task parameters): keep it
  }
}

export function text(source: unknown, name: string): string {
  const value = field(source, name);
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A number whether sent as 3 or "3"; NaN when missing or not numeric. */
export function num(source: unknown, name: string): number {
  const value = field(source, name);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Number.NaN;
}

/** REST reads answer an object or a one-element list; take the object. */
export function firstObject(value: unknown): JsonObject | null {
  if (Array.isArray(value)) return value.find(isObject) ?? null;
  return isObject(value) ? value : null;
}
