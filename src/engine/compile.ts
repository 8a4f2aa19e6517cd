import type { AnyBlockDefinition, ParamSpec } from '../activities/define.js';
import { findBlock } from '../activities/catalog.js';
import type { Block, ErrorPolicy, Retry, Scenario } from '../scenario/schema.js';
import { blockLabel, compileParam, paramWhere, type CompiledParam } from './params.js';

/**
 * Compile once per run: a scenario document becomes a graph of blocks with their definitions,
 * their outgoing links by port, and parameter evaluators. Nothing here runs per step.
 */

export type CompiledBlock = {
  readonly index: number;
  readonly id: string;
  readonly type: string;
  /** `"id" (type)`: how messages name the block. */
  readonly label: string;
  readonly def: AnyBlockDefinition;
  readonly loop: boolean;
  readonly disabled: boolean;
  readonly params: readonly CompiledParam[];
  /** Port → target block. */
  readonly links: Map<string, CompiledBlock>;
  /** Block output name → variable, as pairs. */
  readonly outputs: readonly (readonly [string, string])[];
  readonly onError: ErrorPolicy;
  readonly errorVariable: string | undefined;
  readonly retry: Retry | undefined;
};

export type CompiledScenario = {
  readonly doc: Scenario;
  /** Absolute path, or a name for in-memory documents. */
  readonly path: string;
  readonly blocks: readonly CompiledBlock[];
  readonly byId: ReadonlyMap<string, CompiledBlock>;
  readonly start: CompiledBlock | undefined;
  /** Names expressions may read: declared variables plus every variable a block writes. */
  readonly variableNames: ReadonlySet<string>;
};

export class ScenarioCompileError extends Error {
  override name = 'ScenarioCompileError';
}

/**
 * Variable names a block writes, so expressions can read them: output targets, the error
 * variable, values of `variable`-kind params and `variable` keys inside params (core.assign), and
 * the targets of a param named `out` (core.invoke's output mapping).
 */
function writtenNames(block: Block, def: AnyBlockDefinition, out: Set<string>): void {
  for (const target of Object.values(block.outputs ?? {})) out.add(target);
  if (block.errorVariable !== undefined) out.add(block.errorVariable);
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string' && key === 'variable') out.add(value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  for (const [key, value] of Object.entries(block.params ?? {})) {
    const spec = (def.params as Record<string, ParamSpec | undefined>)[key];
    if (spec?.kind === 'variable' && typeof value === 'string') out.add(value);
    else if (key === 'out' && typeof value === 'object' && value !== null) visit(Object.values(value), 'variable');
    else visit(value, key);
  }
}

export function compileScenario(doc: Scenario, path: string): CompiledScenario {
  const where = `Scenario "${doc.name}" (${path})`;
  const variableNames = new Set(doc.variables.map((v) => v.name));
  for (const block of doc.blocks) {
    const def = findBlock(block.type);
    if (def !== undefined) writtenNames(block, def, variableNames);
  }
  if (variableNames.has('__proto__')) throw new ScenarioCompileError(`${where}: "__proto__" cannot be a variable name`);
  const isVariable = (name: string): boolean => variableNames.has(name);

  const blocks: CompiledBlock[] = [];
  const byId = new Map<string, CompiledBlock>();
  for (const block of doc.blocks) {
    const def = findBlock(block.type);
    const label = blockLabel(block.id, block.type);
    if (def === undefined) throw new ScenarioCompileError(`${where}: block ${label} has an unknown type`);
    if (byId.has(block.id)) throw new ScenarioCompileError(`${where}: two blocks have the id "${block.id}"`);
    const params = Object.entries(def.params as Record<string, ParamSpec>).map(([name, spec]) => {
      try {
        return compileParam(name, spec, block.params?.[name], isVariable, paramWhere(label, doc.name, name));
      } catch (err) {
        throw new ScenarioCompileError((err as Error).message);
      }
    });
    const compiled: CompiledBlock = {
      index: blocks.length,
      id: block.id,
      type: block.type,
      label,
      def,
      loop: def.loop === true,
      disabled: block.disabled === true,
      params,
      links: new Map(),
      outputs: Object.entries(block.outputs ?? {}),
      onError: block.onError ?? 'default',
      errorVariable: block.errorVariable,
      retry: block.retry !== undefined && block.retry.times > 0 ? block.retry : undefined,
    };
    blocks.push(compiled);
    byId.set(block.id, compiled);
  }

  for (const link of doc.links) {
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (from === undefined || to === undefined) {
      throw new ScenarioCompileError(`${where}: link ${link.from} → ${link.to} names a missing block "${from === undefined ? link.from : link.to}"`);
    }
    if (from.links.has(link.port)) {
      throw new ScenarioCompileError(`${where}: block ${from.label} has two links from port "${link.port}"`);
    }
    from.links.set(link.port, to);
  }

  const starts = blocks.filter((b) => b.type === 'core.start');
  if (starts.length > 1) throw new ScenarioCompileError(`${where}: more than one core.start block`);
  return { doc, path, blocks, byId, start: starts[0], variableNames };
}
