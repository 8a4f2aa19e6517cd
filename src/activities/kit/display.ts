import { formatDate } from '../data/lib/datePattern.js';

/**
 * How a value reads when put into text (templates, joined lists, CSV cells): dates the way a
 * Russian office writes them (dd.MM.yyyy, with the time only when there is one), structures as
 * JSON, nothing as an empty string.
 */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const hasTime = value.getHours() + value.getMinutes() + value.getSeconds() > 0;
    return formatDate(value, hasTime ? 'dd.MM.yyyy HH:mm:ss' : 'dd.MM.yyyy');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
