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

export function readJson(text: string): LocatedJson {
  const offsets = new Map<string, number>();
  let pos = 0;

  const fail = (what: string, at = pos): never => {
    const found = at >= text.length ? 'end of file' : `"${text[at]}"`;
    throw new JsonSyntaxError(`${what}, found ${found}`, at);
  };
  const skipSpace = () => {
    for (
      let c = text.charCodeAt(pos);
      c === 32 || c === 10 || c === 13 || c === 9;
      c = text.charCodeAt(++pos)
    );
  };
  const readString = (): string => {
    STRING_BODY.lastIndex = pos;
    const match = STRING_BODY.exec(text);
    if (!match) {
      // Find where the string goes wrong: an unescaped control char, a bad escape or no end.
      let i = pos + 1;
      while (i < text.length && text[i] !== '"' && text.charCodeAt(i) >= 0x20) i += text[i] === '\\' ? 2 : 1;
      return fail('Unterminated or invalid string', i);
    }
    pos += match[0].length;
    return JSON.parse(match[0]) as string;
  };
  const expectWord = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail('Expected a JSON value');
  };

  const readValue = (path: string, depth: number): unknown => {
    skipSpace();
    offsets.set(path, pos);
    const ch = text[pos];
    if ((ch === '{' || ch === '[') && depth >= MAX_JSON_DEPTH) {
      throw new JsonSyntaxError(`Nested more than ${MAX_JSON_DEPTH} levels deep`, pos, 'json.tooDeep', path);
    }
    if (ch === '{') return readObject(path, depth + 1);
    if (ch === '[') return readArray(path, depth + 1);
    if (ch === '"') return readString();
    if (ch === 't') return expectWord('true', true);
    if (ch === 'f') return expectWord('false', false);
    if (ch === 'n') return expectWord('null', null);
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (!match) return fail('Expected a JSON value');
    pos += match[0].length;
    return Number(match[0]);
  };

  const readObject = (path: string, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    pos++;
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return out;
    }
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') fail('Expected a double-quoted property name');
      const key = readString();
      skipSpace();
      if (text[pos] !== ':') fail(`Expected ":" after property name "${key}"`);
      pos++;
      const value = readValue(appendPath(path, key), depth);
      // A "__proto__" key must become data, as with JSON.parse, not change the prototype.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      skipSpace();
      if (text[pos] === ',') {
        const comma = pos++;
        skipSpace();
        if (text[pos] === '}') fail('Trailing comma before "}"', comma);
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return out;
      }
      fail('Expected "," or "}" after a property value');
    }
  };

  const readArray = (path: string, depth: number): unknown[] => {
    const out: unknown[] = [];
    pos++;
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return out;
    }
    for (;;) {
      out.push(readValue(appendPath(path, out.length), depth));
      skipSpace();
      if (text[pos] === ',') {
        const comma = pos++;
        skipSpace();
        if (text[pos] === ']') fail('Trailing comma before "]"', comma);
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return out;
      }
      fail('Expected "," or "]" after an array element');
    }
  };

  // A UTF-8 byte order mark is what some Windows editors write; it is not content.
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  const value = readValue('', 0);
  skipSpace();
  if (pos < text.length) fail('Unexpected text after the end of the document');
  return { value, offsets };
}
