import type { Block, Link, Scenario } from './types.js';
import { START_TYPE } from './types.js';
import { uniqueBlockId } from './ids.js';
import { blockIds } from './edits.js';

/** What Copy puts on the Designer's clipboard: the blocks and only the links between them. */
export type ClipboardContent = { blocks: Block[]; links: Link[] };

export function copyBlocks(doc: Scenario, ids: Iterable<string>): ClipboardContent {
  const set = new Set(ids);
  // A scenario has exactly one start block, so it is never copied.
  const blocks = doc.blocks.filter((b) => set.has(b.id) && b.type !== START_TYPE);
  const kept = new Set(blocks.map((b) => b.id));
  const links = doc.links.filter((l) => kept.has(l.from) && kept.has(l.to));
  return structuredClone({ blocks, links });
}

/**
 * Pastes the clipboard into `doc` with fresh ids, shifted by `offset`, rewiring the copied links
 * to the new ids. Returns the new ids so the editor can select what was pasted.
 */
export function pasteBlocks(
  doc: Scenario,
  content: ClipboardContent,
  offset: [number, number],
): { doc: Scenario; ids: string[] } {
  const used = blockIds(doc);
  const rename = new Map<string, string>();
  const blocks = content.blocks.map((b) => {
    const id = uniqueBlockId(b.type, used);
    used.add(id);
    rename.set(b.id, id);
    return { ...structuredClone(b), id, at: [b.at[0] + offset[0], b.at[1] + offset[1]] as [number, number] };
  });
  const links = content.links.map((l) => ({ ...l, from: rename.get(l.from) ?? l.from, to: rename.get(l.to) ?? l.to }));
  return {
    doc: { ...doc, blocks: [...doc.blocks, ...blocks], links: [...doc.links, ...links] },
    ids: blocks.map((b) => b.id),
  };
}
