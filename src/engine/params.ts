import type { ParamSpec } from '../activities/define.js';
import { isExpression } from '../scenario/schema.js';
import { isTable } from '../scenario/values.js';
import { compileExpression, type Scope } from '../scenario/expressions/compile.js';
import { describeType, isDictionary } from './values.js';

/**
 * Parameter evaluators, built once per run: literals become constants (checked once), and
 * `{ "expr": … }` — also nested inside lists and dictionaries — becomes a compiled function.
 */

export type CompiledParam = {
  readonly name: string;
  /** Set for constants: the checked final value. */
  readonly value: unknown;
  /** Set for expressions: evaluates and checks. */
  readonly evaluate: ((scope: Scope) => unknown) | undefined;
};

type Compiled = { constant: true; value: unknown } | { constant: false; evaluate: (scope: Scope) => unknown };

function compileValue(raw: unknown, isVariable: (name: string) => boolean, where: string): Compiled {
  if (isExpression(raw)) {
    let fn;
    try {
      fn = compileExpression(raw.expr, isVariable);
    } catch (err) {
      throw new SyntaxError(`${where}: invalid expression \`${raw.expr}\`: ${(err as Error).message}`, { cause: err });
    }
    return {
      constant: false,
      evaluate: (scope) => {
        try {
          return fn(scope);
        } catch (err) {
          throw new Error(`${where}: expression \`${raw.expr}\` failed: ${(err as Error).message}`, { cause: err });
        }
      },
    };
  }
  if (Array.isArray(raw)) {
    const items = raw.map((item, i) => compileValue(item, isVariable, `${where}[${i}]`));
    if (items.every((c) => c.constant)) return { constant: true, value: raw };
    // Plain loops, no callbacks: closures made per evaluation are costly on the hot path.
    return {
      constant: false,
      evaluate: (scope) => {
        const out = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) {
          const c = items[i];
          out[i] = c.constant ? c.value : c.evaluate(scope);
        }
        return out;
      },
    };
  }
  if (typeof raw === 'object' && raw !== null) {
    const entries = Object.entries(raw).map(([k, v]) => [k, compileValue(v, isVariable, `${where}.${k}`)] as const);
    if (entries.every(([, c]) => c.constant)) return { constant: true, value: raw };
    return {
      constant: false,
      evaluate: (scope) => {
        const out: Record<string, unknown> = {};
        for (const [k, c] of entries) out[k] = c.constant ? c.value : c.evaluate(scope);
        return out;
      },
    };
  }
  return { constant: true, value: raw };
}

/** How messages name a block: its id and type, e.g. `"read" (files.readText)`. */
export function blockLabel(id: string, type: string): string {
  return `"${id}" (${type})`;
}

/** Where a parameter's check points in its message: the block, the scenario and the parameter. */
export function paramWhere(label: string, scenario: string, name: string): string {
  return `Block ${label} in scenario "${scenario}", parameter "${name}"`;
}

const textKinds = new Set(['text', 'multiline', 'filePath', 'folderPath', 'selector', 'secret', 'code', 'choice', 'variable']);

function wrong(spec: ParamSpec, value: unknown, where: string): never {
  throw new TypeError(`${where} expects ${spec.kind}, got ${describeType(value)}`);
}

/** Applies the default, the required rule and the kind's type check. Throws a message naming block + param. */
export function checkParam(spec: ParamSpec, value: unknown, where: string): unknown {
  if (value === undefined || value === null) value = spec.default;
  if (value === undefined || value === null || (value === '' && textKinds.has(spec.kind))) {
    if (spec.required === true) throw new TypeError(`${where} is required`);
    return value;
  }
  switch (spec.kind) {
    case 'number':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      return wrong(spec, value, where);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return wrong(spec, value, where);
    case 'list':
      return Array.isArray(value) ? value : wrong(spec, value, where);
    case 'dictionary':
      return isDictionary(value) ? value : wrong(spec, value, where);
    case 'table':
      return isTable(value) ? value : wrong(spec, value, where);
    case 'choice':
      if (spec.choices !== undefined && !spec.choices.some((c) => c.value === value)) {
        throw new TypeError(`${where} must be one of ${spec.choices.map((c) => c.value).join(', ')}, got "${String(value)}"`);
      }
      return value;
    case 'expression':
    case 'json':
    case 'any':
      return value;
    default:
      // Text kinds: numbers and booleans read naturally as text; structures do not.
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (value instanceof Date) return value.toISOString();
      return wrong(spec, value, where);
  }
}

export function compileParam(name: string, spec: ParamSpec, raw: unknown, isVariable: (name: string) => boolean, where: string): CompiledParam {
  // An `expression` param is code by definition: a plain string there is the expression's source.
  const source = spec.kind === 'expression' && typeof raw === 'string' && raw.trim() !== '' ? { expr: raw } : raw;
  const compiled = compileValue(source, isVariable, where);
  if (compiled.constant) {
    let value: unknown;
    try {
      value = checkParam(spec, compiled.value, where);
    } catch (err) {
      // A bad literal fails when the block runs (its error policy applies), not the whole run up front.
      return { name, value: undefined, evaluate: () => { throw err; } };
    }
    return { name, value, evaluate: undefined };
  }
  const evaluate = compiled.evaluate;
  return { name, value: undefined, evaluate: (scope) => checkParam(spec, evaluate(scope), where) };
}
