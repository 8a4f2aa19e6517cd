import { field } from '../form.js';
import { fail, type Form } from './http.js';

/** Reading a form's fields the way every route does: tolerant of the field name's spelling. */

/** The field as sent, or undefined when it is missing. */
export const formText = (form: Form, name: string): string | undefined => {
  const value = field(form, name);
  return typeof value === 'string' ? value : undefined;
};

/** The field without surrounding spaces; '' when missing. */
export const trimmedField = (form: Form, name: string): string => (formText(form, name) ?? '').trim();

/** An integer field within a set of allowed values, or a 400 naming the field and the values. */
export function intField(form: Form, name: string, allowed: readonly number[], fallback?: number): number {
  const raw = trimmedField(form, name);
  if (raw === '' && fallback !== undefined) return fallback;
  const value = Number(raw);
  if (raw === '' || !Number.isInteger(value) || !allowed.includes(value)) {
    throw fail(400, `${name} must be one of ${allowed.join(', ')}; got "${raw}".`);
  }
  return value;
}
