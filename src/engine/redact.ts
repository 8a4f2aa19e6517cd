import { REDACTED } from '../scenario/values.js';

/**
 * Replaces every known secret by REDACTED in log lines and event values. Secrets come from
 * variables of type `secret` / `sensitive: true` and from `ctx.secret(value)`.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  add(value: unknown): void {
    // Very short strings would blank out ordinary text ("a", "1"); they cannot be secrets worth hiding.
    if (typeof value !== 'string' || value.length < 3 || this.secrets.has(value)) return;
    this.secrets.add(value);
    const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(sorted.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  }

  text(message: string): string {
    return this.pattern === undefined ? message : message.replace(this.pattern, REDACTED);
  }

  /**
   * A copy of a value fit for an event: secrets redacted, and reduced to what structured clone
   * carries across processes (functions and class instances become text).
   */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') {
      return typeof value === 'function' || typeof value === 'symbol' ? `[${typeof value}]` : value;
    }
    if (depth > 20) return '[…]';
    if (value instanceof Date) return new Date(value.getTime());
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      if (value instanceof Error) return this.text(value.message);
      if (value instanceof Map) return this.value(Object.fromEntries(value), depth + 1);
      if (value instanceof Set) return this.value([...value], depth + 1);
      return this.text(String(value));
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = this.value(item, depth + 1);
    return out;
  }
}
