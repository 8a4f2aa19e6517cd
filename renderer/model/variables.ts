import { isExpression } from '../../src/scenario/schema.js';
import type { Variable } from '../../src/scenario/schema.js';
import type { Block, Catalog, Scenario } from './types.js';
import { renameInExpression } from './expressions.js';
import { uniqueName } from './ids.js';

export function addVariable(doc: Scenario): { doc: Scenario; name: string } {
  const name = uniqueName('var', new Set(doc.variables.map((v) => v.name)));
  return { doc: { ...doc, variables: [...doc.variables, { name, type: 'any' }] }, name };
}

export function updateVariable(doc: Scenario, name: string, patch: Partial<Variable>): Scenario {
  return {
    ...doc,
    variables: doc.variables.map((v) => {
      if (v.name !== name) return v;
      const next: Variable = { ...v, ...patch };
      for (const key of Object.keys(next) as (keyof Variable)[]) if (next[key] === undefined) delete next[key];
      return next;
    }),
  };
}

export function deleteVariable(doc: Scenario, name: string): Scenario {
  return { ...doc, variables: doc.variables.filter((v) => v.name !== name) };
}

/**
 * Renames a variable everywhere the scenario refers to it: expressions in parameters, output
 * mappings, error variables and parameters of kind `variable` (which hold a variable's NAME).
 */
export function renameVariable(doc: Scenario, from: string, to: string, catalog: Catalog): Scenario {
  if (from === to) return doc;
  const variables = doc.variables.map((v) => (v.name === from ? { ...v, name: to } : v));
  const blocks = doc.blocks.map((b) => renameInBlock(b, from, to, catalog));
  return { ...doc, variables, blocks };
}

/**
 * Renames inside a parameter value: expressions anywhere (also nested in lists and dictionaries,
 * which the engine evaluates too) and `variable` fields of `{ variable, value }` items.
 */
function renameInValue(value: unknown, from: string, to: string): unknown {
  if (isExpression(value)) {
    const expr = renameInExpression(value.expr, from, to);
    return expr === value.expr ? value : { expr };
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => renameInValue(item, from, to));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const next = key === 'variable' && item === from ? to : renameInValue(item, from, to);
      if (next !== item) changed = true;
      return [key, next];
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}

function renameInBlock(block: Block, from: string, to: string, catalog: Catalog): Block {
  const meta = catalog.get(block.type);
  let changed = false;
  const params = block.params ? { ...block.params } : undefined;
  for (const [key, value] of Object.entries(params ?? {})) {
    const kind = meta?.params[key]?.kind;
    let next = renameInValue(value, from, to);
    if (kind === 'expression' && typeof value === 'string') next = renameInExpression(value, from, to);
    else if (kind === 'variable' && value === from) next = to;
    if (next !== value) {
      params![key] = next;
      changed = true;
    }
  }
  let outputs = block.outputs;
  if (outputs && Object.values(outputs).includes(from)) {
    outputs = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v === from ? to : v]));
    changed = true;
  }
  const errorVariable = block.errorVariable === from ? to : block.errorVariable;
  if (errorVariable !== block.errorVariable) changed = true;
  if (!changed) return block;
  return { ...block, ...(params ? { params } : {}), ...(outputs ? { outputs } : {}), ...(errorVariable ? { errorVariable } : {}) };
}
