import { parseExpressionAt, type Node } from 'acorn';

type AnyNode = Node & Record<string, unknown>;

/**
 * Offsets of the identifiers in a JavaScript expression that REFER to a variable `name`
 * (not property names such as `a.name` or `{ name: 1 }`). Null when the expression does not parse.
 */
export function referencesOf(expr: string, name: string): { start: number; end: number }[] | null {
  let root: Node;
  try {
    root = parseExpressionAt(expr, 0, { ecmaVersion: 'latest' });
  } catch {
    return null;
  }
  const found: { start: number; end: number; shorthand: boolean }[] = [];
  const visit = (node: AnyNode, parent: AnyNode | null, key: string): void => {
    if (node.type === 'Identifier' && node.name === name) {
      const isProperty =
        (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
        (parent?.type === 'Property' && key === 'key' && !parent.computed && !parent.shorthand);
      if (!isProperty) found.push({ start: node.start, end: node.end, shorthand: false });
    }
    for (const [childKey, child] of Object.entries(node)) {
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item, node, childKey);
      } else if (isNode(child)) visit(child, node, childKey);
    }
  };
  visit(root as AnyNode, null, '');
  // A shorthand property `{ name }` holds the same identifier as key and value: keep it once.
  const unique = new Map(found.map((f) => [f.start, f]));
  return [...unique.values()].sort((a, b) => a.start - b.start);
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
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
