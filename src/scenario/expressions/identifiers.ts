import { parse, type Node } from 'acorn';
import { parseExpressionSource } from './parse.js';

/**
 * Finds the identifiers a piece of JavaScript reads or writes by name, so that the engine can
 * bring exactly those scenario variables into scope. It over-approximates on purpose (a local
 * `x` shadowing a variable `x` still lists `x`): binding an extra outer name is harmless, because
 * the user's own declaration shadows it.
 */

type AnyNode = Node & Record<string, unknown>;

/** Property positions that hold names, not references. */
function isNameOnly(parent: AnyNode | undefined, key: string): boolean {
  if (parent === undefined) return false;
  switch (parent.type) {
    case 'MemberExpression':
      return key === 'property' && parent.computed !== true;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return key === 'key' && parent.computed !== true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key === 'label';
    case 'MetaProperty':
      return true;
    case 'ImportSpecifier':
    case 'ExportSpecifier':
      return key === 'imported' || key === 'exported';
    default:
      return false;
  }
}

function collect(node: AnyNode, parent: AnyNode | undefined, key: string, out: Set<string>): void {
  if (node.type === 'Identifier') {
    if (!isNameOnly(parent, key)) out.add(node.name as string);
    return;
  }
  for (const [childKey, child] of Object.entries(node)) {
    if (Array.isArray(child)) {
      for (const item of child) {
        if (item !== null && typeof item === 'object' && typeof (item as AnyNode).type === 'string') {
          collect(item as AnyNode, node, childKey, out);
        }
      }
    } else if (child !== null && typeof child === 'object' && typeof (child as AnyNode).type === 'string') {
      collect(child as AnyNode, node, childKey, out);
    }
  }
}

/** Identifiers referenced by a single JavaScript expression; throws a SyntaxError for anything else. */
export function expressionIdentifiers(source: string): Set<string> {
  const { program, error } = parseExpressionSource(source);
  if (!program) throw new SyntaxError(error);
  const out = new Set<string>();
  collect(program as unknown as AnyNode, undefined, '', out);
  return out;
}

/** Identifiers referenced by a script body that may use `await` and `return` at top level. */
export function scriptIdentifiers(source: string): Set<string> {
  const program = parse(`(async () => {\n${source}\n})`, { ecmaVersion: 'latest' }) as unknown as AnyNode;
  const out = new Set<string>();
  collect(program, undefined, '', out);
  return out;
}
