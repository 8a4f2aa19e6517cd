import { expressionIdentifiers, scriptIdentifiers } from './identifiers.js';

/**
 * Turns user JavaScript into functions ONCE: the free identifiers that name scenario variables are
 * found with acorn and read from the variable record by name; everything else (Math, Date, JSON …)
 * resolves as plain JavaScript globals. Nothing is re-parsed per step.
 */

export type Scope = Record<string, unknown>;

export type CompiledExpression = {
  (scope: Scope): unknown;
  readonly source: string;
  /** Variable names the expression reads. */
  readonly names: readonly string[];
};

const validName = /^[A-Za-z_$\u0400-\u04FF][\w$\u0400-\u04FF]*$/;

function bindings(names: readonly string[], from: string): string {
  // Names are checked against the identifier pattern, so they are safe to paste into code.
  return names.map((n) => `${n} = ${from}[${JSON.stringify(n)}]`).join(', ');
}

/** Compiles a JavaScript expression over the variables `isVariable` accepts. Throws SyntaxError. */
export function compileExpression(source: string, isVariable: (name: string) => boolean): CompiledExpression {
  const names = [...expressionIdentifiers(source)].filter((n) => validName.test(n) && isVariable(n));
  const head = names.length > 0 ? `const ${bindings(names, 's')};\n` : '';
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling user expressions is the point
  const fn = new Function('s', `"use strict";\n${head}return (\n${source}\n);`) as (scope: Scope) => unknown;
  return Object.assign(fn, { source, names });
}

export type ScriptVariables = {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
};

export type CompiledScript = {
  (vars: ScriptVariables, extras: Scope): Promise<unknown>;
  readonly names: readonly string[];
};

/**
 * Compiles a script body (may `await`, may `return` a result). Variables it names are in scope as
 * `let` bindings; the ones it reassigned are written back through `vars.set` (type-checked) once
 * the script finishes without an error. `extras` are further names in scope (ctx, require, log).
 */
export function compileScript(
  source: string,
  isVariable: (name: string) => boolean,
  extraNames: readonly string[],
): CompiledScript {
  const used = scriptIdentifiers(source);
  const names = [...used].filter((n) => validName.test(n) && isVariable(n) && !extraNames.includes(n));
  const lets = names.map((n, i) => `let ${n} = $$cairnVars.get(${JSON.stringify(n)}); const $$cairnOld${i} = ${n};`).join('\n');
  const writeBack = names.map((n, i) => `if (${n} !== $$cairnOld${i}) $$cairnVars.set(${JSON.stringify(n)}, ${n});`).join('\n');
  const extras = extraNames.map((n) => `const ${n} = $$cairnExtras[${JSON.stringify(n)}];`).join('\n');
  const code = `"use strict";\nreturn (async ($$cairnVars, $$cairnExtras) => {\n${extras}\n${lets}\nconst $$cairnResult = await (async () => {\n${source}\n})();\n${writeBack}\nreturn $$cairnResult;\n});`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling user scripts is the point
  const fn = (new Function(code) as () => (vars: ScriptVariables, extras: Scope) => Promise<unknown>)();
  return Object.assign(fn, { names });
}
