import { appendPath } from './problems.js';

/**
 * A strict JSON reader that also remembers where every value starts, so schema problems can be
 * reported with a line and column, not just a path. Browser-safe; error offsets do not depend on
 * the JavaScript engine's JSON.parse message wording.
 */

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** `json.syntax`, or `json.tooDeep` for nesting beyond MAX_JSON_DEPTH. */
    readonly code = 'json.syntax',
    /** Where in the document, for limits (`blocks[1].params.x[0]…`). */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/**
 * Deeper nesting than this is refused: no scenario needs it, and every recursive reader (this one,
 * the schema, the validator, the engine) would otherwise end in a stack overflow.
 */
export const MAX_JSON_DEPTH = 128;
/** The largest scenario or project text read, in characters (a generous 32 MB). */
export const MAX_JSON_CHARS = 32 * 1024 * 1024;

/**
 * The deepest nesting of objects and arrays in `text`, counting only up to `limit + 1`; a fast
 * loop without recursion, so even a hostile file is measured safely before anything recurses.
 */
export function jsonNestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string, escapes included (an unterminated one ends the scan).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

export type LocatedJson = {
  value: unknown;
  /** Path (as `formatPath` writes it) → offset of the value's first character. */
  offsets: Map<string, number>;
};

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON forbids raw control characters inside strings; matching them is the point here.
// eslint-disable-next-line no-control-regex
const STRING_BODY = /"(?:[^"\\\u0000-\u001F]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** Reads `text` as JSON and records where each value starts; throws `JsonSyntaxError`. */
export function readJson(text: string): LocatedJson {
  return new LocatingReader(text).readDocument();
}

/** One pass over the text: `pos` moves forward, `offsets` fills as values start. */
class LocatingReader {
  readonly offsets = new Map<string, number>();
  private pos = 0;

  constructor(private readonly text: string) {}

  readDocument(): LocatedJson {
    // A UTF-8 byte order mark is what some Windows editors write; it is not content.
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    const value = this.readValue('', 0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('Unexpected text after the end of the document');
    return { value, offsets: this.offsets };
  }

  private fail(what: string, at = this.pos): never {
    const found = at >= this.text.length ? 'end of file' : `"${this.text[at]}"`;
    throw new JsonSyntaxError(`${what}, found ${found}`, at);
  }

  private skipSpace(): void {
    const { text } = this;
    for (
      let c = text.charCodeAt(this.pos);
      c === 32 || c === 10 || c === 13 || c === 9;
      c = text.charCodeAt(++this.pos)
    );
  }

  private readString(): string {
    const { text } = this;
    STRING_BODY.lastIndex = this.pos;
    const match = STRING_BODY.exec(text);
    if (!match) {
      // Find where the string goes wrong: an unescaped control char, a bad escape or no end.
      let i = this.pos + 1;
      while (i < text.length && text[i] !== '"' && text.charCodeAt(i) >= 0x20) i += text[i] === '\\' ? 2 : 1;
      return this.fail('Unterminated or invalid string', i);
    }
    this.pos += match[0].length;
    return JSON.parse(match[0]) as string;
  }

  private expectWord(word: string, value: unknown): unknown {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail('Expected a JSON value');
  }

  private readValue(path: string, depth: number): unknown {
    this.skipSpace();
    this.offsets.set(path, this.pos);
    const ch = this.text[this.pos];
    if ((ch === '{' || ch === '[') && depth >= MAX_JSON_DEPTH) {
      throw new JsonSyntaxError(`Nested more than ${MAX_JSON_DEPTH} levels deep`, this.pos, 'json.tooDeep', path);
    }
    if (ch === '{') return this.readObject(path, depth + 1);
    if (ch === '[') return this.readArray(path, depth + 1);
    if (ch === '"') return this.readString();
    if (ch === 't') return this.expectWord('true', true);
    if (ch === 'f') return this.expectWord('false', false);
    if (ch === 'n') return this.expectWord('null', null);
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail('Expected a JSON value');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  /** After a value: true at `,` (and more must follow), false at `close`, else a syntax error. */
  private moreItems(close: '}' | ']', expected: string): boolean {
    this.skipSpace();
    if (this.text[this.pos] === ',') {
      const comma = this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === close) this.fail(`Trailing comma before "${close}"`, comma);
      return true;
    }
    if (this.text[this.pos] === close) {
      this.pos++;
      return false;
    }
    return this.fail(expected);
  }

  /** Consumes the opening bracket; true when the container is empty (and closed). */
  private openEmpty(close: '}' | ']'): boolean {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  private readObject(path: string, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.openEmpty('}')) return out;
    do {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('Expected a double-quoted property name');
      const key = this.readString();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail(`Expected ":" after property name "${key}"`);
      this.pos++;
      const value = this.readValue(appendPath(path, key), depth);
      // A "__proto__" key must become data, as with JSON.parse, not change the prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    } while (this.moreItems('}', 'Expected "," or "}" after a property value'));
    return out;
  }

  private readArray(path: string, depth: number): unknown[] {
    const out: unknown[] = [];
    if (this.openEmpty(']')) return out;
    do out.push(this.readValue(appendPath(path, out.length), depth));
    while (this.moreItems(']', 'Expected "," or "]" after an array element'));
    return out;
  }
}
