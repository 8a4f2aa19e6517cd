import type { Block, BlockMeta, Link, Scenario } from './types.js';
import { uniqueBlockId } from './ids.js';

/**
 * Pure edits of a scenario document. Each returns a NEW document and shares every untouched block
 * and link with the old one, so undo snapshots are cheap and the canvas re-renders only what
 * changed.
 */

export function blockIds(doc: Scenario): Set<string> {
  return new Set(doc.blocks.map((b) => b.id));
}

/** Default parameter values from the catalog, so a new block starts out valid where it can. */
function defaultParams(meta: BlockMeta | undefined): Record<string, unknown> | undefined {
  if (!meta) return undefined;
  const params: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(meta.params)) {
    if (spec.default !== undefined) params[name] = spec.default;
  }
  return Object.keys(params).length ? params : undefined;
}

export function addBlock(
  doc: Scenario,
  type: string,
  at: [number, number],
  meta?: BlockMeta,
): { doc: Scenario; id: string } {
  const id = uniqueBlockId(type, blockIds(doc));
  const params = defaultParams(meta);
  const block: Block = { id, type, at: [Math.round(at[0]), Math.round(at[1])], ...(params ? { params } : {}) };
  return { doc: { ...doc, blocks: [...doc.blocks, block] }, id };
}

export function moveBlocks(doc: Scenario, positions: ReadonlyMap<string, [number, number]>): Scenario {
  let changed = false;
  const blocks = doc.blocks.map((b) => {
    const at = positions.get(b.id);
    if (!at || (at[0] === b.at[0] && at[1] === b.at[1])) return b;
    changed = true;
    return { ...b, at: [Math.round(at[0]), Math.round(at[1])] as [number, number] };
  });
  return changed ? { ...doc, blocks } : doc;
}

export function linkKey(link: Link): string {
  return `${link.from}:${link.port}->${link.to}`;
}

/** Removes blocks (with every link touching them) and the given links. */
export function removeItems(doc: Scenario, blockIdsToRemove: Iterable<string>, linkKeys: Iterable<string> = []): Scenario {
  const ids = new Set(blockIdsToRemove);
  const keys = new Set(linkKeys);
  if (!ids.size && !keys.size) return doc;
  return {
    ...doc,
    blocks: doc.blocks.filter((b) => !ids.has(b.id)),
    links: doc.links.filter((l) => !ids.has(l.from) && !ids.has(l.to) && !keys.has(linkKey(l))),
  };
}

export function addLink(doc: Scenario, link: Link): Scenario {
  return { ...doc, links: [...doc.links, link] };
}

/** Replaces one block by `update(block)`; fields set to undefined are dropped from the file. */
export function updateBlock(doc: Scenario, id: string, update: (block: Block) => Block): Scenario {
  const blocks = doc.blocks.map((b) => (b.id === id ? dropUndefined(update(b)) : b));
  return { ...doc, blocks };
}

export function setParam(doc: Scenario, id: string, name: string, value: unknown): Scenario {
  return updateBlock(doc, id, (b) => {
    const params = { ...(b.params ?? {}) };
    if (value === undefined || value === '') delete params[name];
    else params[name] = value;
    return { ...b, params: Object.keys(params).length ? params : undefined };
  });
}

export function setOutput(doc: Scenario, id: string, output: string, variable: string): Scenario {
  return updateBlock(doc, id, (b) => {
    const outputs = { ...(b.outputs ?? {}) };
    if (variable) outputs[output] = variable;
    else delete outputs[output];
    return { ...b, outputs: Object.keys(outputs).length ? outputs : undefined };
  });
}

export function toggleDisabled(doc: Scenario, ids: Iterable<string>): Scenario {
  const set = new Set(ids);
  const anyEnabled = doc.blocks.some((b) => set.has(b.id) && !b.disabled);
  return {
    ...doc,
    blocks: doc.blocks.map((b) => (set.has(b.id) ? dropUndefined({ ...b, disabled: anyEnabled ? true : undefined }) : b)),
  };
}

function dropUndefined<T extends object>(value: T): T {
  const out = { ...value };
  for (const key of Object.keys(out) as (keyof T)[]) if (out[key] === undefined) delete out[key];
  return out;
}
