import { isExpression, type Scenario } from '../../src/scenario/schema.js';

/** A sub-scenario's declared arguments, as `core.invoke` maps them. */
export type DeclaredArgument = { name: string; type: string; default?: unknown };
export type DeclaredArguments = { inputs: DeclaredArgument[]; outputs: DeclaredArgument[] };

export function declaredArguments(doc: Scenario): DeclaredArguments {
  const of = (dirs: string[]) =>
    doc.variables
      .filter((v) => v.direction !== undefined && dirs.includes(v.direction))
      .map((v) => ({ name: v.name, type: v.type, ...(v.default !== undefined ? { default: v.default } : {}) }));
  return { inputs: of(['in', 'inout']), outputs: of(['out', 'inout']) };
}

/** The expression text shown for an input argument's value: an expression's source, a literal as JSON. */
export function argumentText(value: unknown): string {
  if (value === undefined) return '';
  if (isExpression(value)) return value.expr;
  return JSON.stringify(value);
}

/**
 * The `in` mapping with one argument set from the typed expression (empty: not passed, so the
 * sub-scenario's default applies). Undefined when nothing is left, so the parameter goes away.
 */
export function withInput(current: unknown, name: string, text: string): Record<string, unknown> | undefined {
  const next: Record<string, unknown> = { ...(isPlainObject(current) ? current : {}) };
  if (text.trim() === '') delete next[name];
  else next[name] = { expr: text };
  return Object.keys(next).length ? next : undefined;
}

/** The `out` mapping with one output argument stored in a variable (empty: not kept). */
export function withOutput(current: unknown, name: string, variable: string): Record<string, unknown> | undefined {
  const next: Record<string, unknown> = { ...(isPlainObject(current) ? current : {}) };
  if (variable === '') delete next[name];
  else next[name] = variable;
  return Object.keys(next).length ? next : undefined;
}

/** Keys of a mapping the sub-scenario doesn't declare (a renamed or removed argument). */
export function undeclared(mapping: unknown, declared: DeclaredArgument[]): string[] {
  if (!isPlainObject(mapping)) return [];
  const names = new Set(declared.map((a) => a.name));
  return Object.keys(mapping).filter((k) => !names.has(k));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isExpression(value);
}
