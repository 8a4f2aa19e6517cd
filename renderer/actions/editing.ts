import { useDesigner } from '../store/index.js';
import { addBlock, moveBlocks, removeItems, toggleDisabled } from '../model/edits.js';
import { copyBlocks, pasteBlocks } from '../model/clipboard.js';
import { autoLayout } from '../model/layout.js';

/** Canvas commands shared by the keyboard, the toolbar and the context of the canvas. */

const PASTE_OFFSET: [number, number] = [40, 40];

export function addBlockAt(type: string, at: [number, number]): void {
  const store = useDesigner.getState();
  let added = '';
  store.edit((doc) => {
    const result = addBlock(doc, type, at, store.catalog.get(type));
    added = result.id;
    return result.doc;
  });
  if (added) store.select({ blocks: [added], links: [] });
}

export function deleteSelection(): void {
  const { selection, edit, select } = useDesigner.getState();
  if (!selection.blocks.length && !selection.links.length) return;
  edit((doc) => removeItems(doc, selection.blocks, selection.links));
  select({ blocks: [], links: [] });
}

export function copySelection(): boolean {
  const store = useDesigner.getState();
  const open = store.active ? store.docs[store.active] : undefined;
  if (!open || !store.selection.blocks.length) return false;
  store.setClipboard(copyBlocks(open.doc, store.selection.blocks));
  return true;
}

export function cutSelection(): void {
  if (copySelection()) deleteSelection();
}

export function paste(): void {
  const store = useDesigner.getState();
  if (!store.clipboard?.blocks.length) return;
  let ids: string[] = [];
  store.edit((doc) => {
    const result = pasteBlocks(doc, store.clipboard!, PASTE_OFFSET);
    ids = result.ids;
    return result.doc;
  });
  store.select({ blocks: ids, links: [] });
}

export function layoutActive(): void {
  useDesigner.getState().edit(autoLayout);
}

export function toggleDisabledSelection(): void {
  const { selection, edit } = useDesigner.getState();
  if (selection.blocks.length) edit((doc) => toggleDisabled(doc, selection.blocks));
}

export function commitMove(positions: Map<string, [number, number]>): void {
  useDesigner.getState().edit((doc) => moveBlocks(doc, positions));
}
