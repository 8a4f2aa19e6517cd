import { REDACTED } from '../scenario/values.js';

/** Base64 runs shorter than this could match ordinary text; such a fragment is not worth hiding. */
const MIN_BASE64_CORE = 8;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The secret inside a JSON string literal: quotes, backslashes and control characters escaped. */
const jsonEscaped = (value: string): string => JSON.stringify(value).slice(1, -1);

/** As written by serializers that keep to ASCII (Python's json.dumps, some loggers): \uXXXX for the rest. */
const asciiJsonEscaped = (value: string): string =>
  jsonEscaped(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * What stays the same in every base64 text that contains the secret: the secret can start at any
 * of three byte offsets in the encoded whole, so for each offset the characters that encode only
 * the secret's bytes (the Basic-auth header `user:password` is the common case).
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64');
    // Groups of 4 characters encode 3 bytes; keep the groups made of the secret's bytes only.
    const first = offset === 0 ? 0 : 4;
    const whole = Math.floor(padded.length / 3) * 4;
    const core = encoded.slice(first, whole);
    if (core.length >= MIN_BASE64_CORE) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/** Every form of a secret a run can produce when it logs, serialises, encodes or throws it. */
export function secretForms(value: string): string[] {
  const json = jsonEscaped(value);
  const forms = [value, json, jsonEscaped(json), asciiJsonEscaped(value), encodeURIComponent(value), encodeURI(value)];
  // Form encoding (URLSearchParams, HTML forms): spaces as "+".
  forms.push(new URLSearchParams({ s: value }).toString().slice(2));
  forms.push(encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  const base64 = Buffer.from(value, 'utf8').toString('base64');
  forms.push(base64, base64.replace(/=+$/, ''), base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  forms.push(...base64Cores(value));
  return forms;
}

/**
 * Replaces every known secret by REDACTED in log lines and event values — raw, JSON-escaped,
 * URL-encoded and base64, since a script may log `JSON.stringify({ pw })` or build a URL with it.
 * Secrets come from variables of type `secret` / `sensitive: true` and from `ctx.secret(value)`.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private readonly forms = new Set<string>();
  private pattern: RegExp | undefined;

  add(value: unknown): void {
    // Very short strings would blank out ordinary text ("a", "1"); they cannot be secrets worth hiding.
    if (typeof value !== 'string' || value.length < 3 || this.secrets.has(value)) return;
    this.secrets.add(value);
    for (const form of secretForms(value)) if (form.length >= 3) this.forms.add(form);
    // Longest first, so a form is never half-replaced by a shorter one it contains.
    const sorted = [...this.forms].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
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
