import type { Node, Program } from 'acorn';
import { parseExpressionSource } from './parse.js';

/**
 * The names an expression reads from outside itself, so validation can point at a misspelt
 * variable (`totl + 1`) before the run fails with a ReferenceError. A deliberately simple,
 * conservative analysis: every name the expression binds anywhere (arrow parameters,
 * declarations, catch clauses) is treated as local everywhere. Browser-safe.
 */

/** Standard JavaScript globals an expression may use without declaring them. */
export const JS_GLOBALS: ReadonlySet<string> = new Set([
  'undefined',
  'NaN',
  'Infinity',
  'globalThis',
  'Math',
  'JSON',
  'Date',
  'Intl',
  'Reflect',
  'Atomics',
  'console',
  'Number',
  'String',
  'Boolean',
  'BigInt',
  'Symbol',
  'Object',
  'Array',
  'Function',
  'RegExp',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'Promise',
  'Proxy',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'ArrayBuffer',
  'DataView',
  'Uint8Array',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'Uint8ClampedArray',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURI',
  'decodeURI',
  'encodeURIComponent',
  'decodeURIComponent',
  'structuredClone',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
]);

type AnyNode = Node & Record<string, unknown>;

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'range') continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

/** Identifiers inside a binding pattern (`a`, `{ a, b: [c] }`, `...rest`, `x = 1`). */
function patternNames(pattern: AnyNode | null | undefined, into: Set<string>): void {
  if (!pattern) return;
  switch (pattern.type) {
    case 'Identifier':
      into.add(pattern.name as string);
      break;
    case 'ObjectPattern':
      for (const prop of pattern.properties as AnyNode[])
        patternNames((prop.type === 'RestElement' ? prop.argument : prop.value) as AnyNode, into);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as (AnyNode | null)[]) patternNames(element, into);
      break;
    case 'RestElement':
      patternNames(pattern.argument as AnyNode, into);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left as AnyNode, into);
      break;
  }
}

/** Names read by `source` that it does not bind itself; empty when it does not parse. */
export function freeNames(source: string): string[] {
  const { program } = parseExpressionSource(source);
  return program ? freeNamesOf(program) : [];
}

/** Names read by a parsed expression (see `parseExpressionSource`) that it does not bind itself. */
export function freeNamesOf(program: Program): string[] {
  const root = program as unknown as AnyNode;
  const bound = new Set<string>();
  const used = new Set<string>();
  const visit = (node: AnyNode): void => {
    switch (node.type) {
      case 'Identifier':
        used.add(node.name as string);
        return;
      case 'MemberExpression':
        visit(node.object as AnyNode);
        if (node.computed) visit(node.property as AnyNode);
        return;
      case 'Property':
      case 'PropertyDefinition':
      case 'MethodDefinition':
        if (node.computed) visit(node.key as AnyNode);
        if (node.value) visit(node.value as AnyNode);
        return;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'FunctionDeclaration':
        for (const param of node.params as AnyNode[]) patternNames(param, bound);
        if (node.id) patternNames(node.id as AnyNode, bound);
        break;
      case 'VariableDeclarator':
        patternNames(node.id as AnyNode, bound);
        if (node.init) visit(node.init as AnyNode);
        return;
      case 'CatchClause':
        patternNames(node.param as AnyNode | null, bound);
        break;
      case 'LabeledStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
        if (node.body) visit(node.body as AnyNode);
        return;
      case 'MetaProperty':
        return;
    }
    for (const child of children(node)) visit(child);
  };
  visit(root);
  return [...used].filter((name) => !bound.has(name));
}
