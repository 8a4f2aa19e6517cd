import { BlockError } from '../../define.js';
import type { DialogField, DialogFieldType } from './host.js';

/** One field of an input form as the scenario describes it; `variable` receives its value. */
export type FormField = DialogField & { variable?: string };

const TYPES: readonly DialogFieldType[] = ['text', 'number', 'boolean', 'password', 'date', 'choice'];
const NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Checks the form description written in the scenario before anything is shown. */
export function parseFields(raw: unknown): FormField[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new BlockError('Parameter "fields" must be a non-empty list of fields like {"name": "amount", "type": "number"}', 'BAD_INPUT');
  }
  const seen = new Set<string>();
  return raw.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) throw new BlockError(`Field ${index + 1} is not an object`, 'BAD_INPUT');
    const f = item as Record<string, unknown>;
    const name = f.name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new BlockError(`Field ${index + 1} needs a "name" made of letters, digits and _ (got ${JSON.stringify(name)})`, 'BAD_INPUT');
    }
    if (seen.has(name)) throw new BlockError(`Two fields are named "${name}"`, 'BAD_INPUT');
    seen.add(name);
    const type = (f.type ?? 'text') as DialogFieldType;
    if (!TYPES.includes(type)) throw new BlockError(`Field "${name}" has unknown type "${String(f.type)}" (use ${TYPES.join(', ')})`, 'BAD_INPUT');
    const choices = f.choices;
    if (type === 'choice' && (!Array.isArray(choices) || choices.length === 0)) {
      throw new BlockError(`Field "${name}" is a choice but has no "choices" list`, 'BAD_INPUT');
    }
    const field: FormField = { name, label: typeof f.label === 'string' && f.label !== '' ? f.label : name, type };
    if (type === 'choice') field.choices = (choices as unknown[]).map(String);
    if (f.default !== undefined) field.default = f.default instanceof Date ? f.default.toISOString().slice(0, 10) : f.default;
    if (f.required === true) field.required = true;
    if (typeof f.variable === 'string' && f.variable !== '') field.variable = f.variable;
    return field;
  });
}

const YES = /^(true|yes|y|1|да|д)$/i;
const NO = /^(false|no|n|0|нет|н)$/i;

/**
 * Turns what the user entered (typed values from a UI, strings from a terminal) into the field's
 * type: numbers, booleans, dates; empty optional fields become their default, or null.
 */
export function coerceAnswer(field: FormField, answer: unknown): unknown {
  const empty = answer === undefined || answer === null || answer === '';
  if (empty) {
    if (field.required) throw new BlockError(`Field "${field.label}" is required but was left empty`, 'BAD_INPUT');
    if (field.default === undefined) return field.type === 'boolean' ? false : null;
    answer = field.default;
  }
  const bad = (what: string) => new BlockError(`Field "${field.label}": ${JSON.stringify(answer)} is not ${what}`, 'BAD_INPUT');
  switch (field.type) {
    case 'number': {
      const value = typeof answer === 'number' ? answer : Number(String(answer).trim().replace(',', '.'));
      if (!Number.isFinite(value)) throw bad('a number');
      return value;
    }
    case 'boolean':
      if (typeof answer === 'boolean') return answer;
      if (YES.test(String(answer).trim())) return true;
      if (NO.test(String(answer).trim())) return false;
      throw bad('yes or no');
    case 'date': {
      const date = answer instanceof Date ? answer : parseDate(String(answer).trim());
      if (!date || Number.isNaN(date.getTime())) throw bad('a date (YYYY-MM-DD)');
      return date;
    }
    case 'choice': {
      const text = String(answer);
      if (!field.choices?.includes(text)) throw bad(`one of ${field.choices?.join(', ')}`);
      return text;
    }
    default:
      return String(answer);
  }
}

/** YYYY-MM-DD (local midnight) or DD.MM.YYYY, as Russian users write dates. */
function parseDate(text: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : [];
  if (y === undefined) return null;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  return date.getMonth() === Number(m) - 1 ? date : null;
}
