import type { Node } from 'acorn';
import { parseExpressionSource, WRAPPER_OFFSET } from './parse.js';

type AnyNode = Node & Record<string, unknown>;

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Offsets of the identifiers in a JavaScript expression that REFER to a variable `name`
 * (not property names such as `a.name` or `{ name: 1 }`). Null when the expression does not parse.
 * Parsed exactly as validation and the engine parse it (`parseExpressionSource`).
 */
export function referencesOf(expr: string, name: string): { start: number; end: number }[] | null {
  const { program } = parseExpressionSource(expr);
  if (!program) return null;
  const found: { start: number; end: number }[] = [];
  const visit = (node: AnyNode, parent: AnyNode | null, key: string): void => {
    if (node.type === 'Identifier' && node.name === name) {
      const isProperty =
        (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
        (parent?.type === 'Property' && key === 'key' && !parent.computed && !parent.shorthand);
      if (!isProperty) found.push({ start: node.start - WRAPPER_OFFSET, end: node.end - WRAPPER_OFFSET });
    }
    for (const [childKey, child] of Object.entries(node)) {
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item, node, childKey);
      } else if (isNode(child)) visit(child, node, childKey);
    }
  };
  visit(program as unknown as AnyNode, null, '');
  // A shorthand property `{ name }` holds the same identifier as key and value: keep it once.
  const unique = new Map(found.map((f) => [f.start, f]));
  return [...unique.values()].sort((a, b) => a.start - b.start);
}

/** Rewrites references to `from` as `to` in an expression; unparsable text is returned unchanged. */
export function renameInExpression(expr: string, from: string, to: string): string {
  const refs = referencesOf(expr, from);
  if (!refs?.length) return expr;
  let out = '';
  let last = 0;
  for (const ref of refs) {
    out += expr.slice(last, ref.start) + to;
    last = ref.end;
  }
  return out + expr.slice(last);
}
