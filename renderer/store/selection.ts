import type { StateCreator } from 'zustand';
import type { ClipboardContent } from '../model/clipboard.js';
import type { DesignerState } from './index.js';

export type Selection = { blocks: string[]; links: string[] };

export type SelectionSlice = {
  /** Selection in the active scenario: block ids and link keys (`from:port->to`). */
  selection: Selection;
  /** Designer-wide, so blocks copied in one scenario paste into another. */
  clipboard: ClipboardContent | null;
  /** A block the canvas should scroll into view (Problems, search, run errors). */
  reveal: { blockId: string; nonce: number } | null;
  select(selection: Selection): void;
  revealBlock(blockId: string): void;
  setClipboard(content: ClipboardContent): void;
};

const sameIds = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export const createSelectionSlice: StateCreator<DesignerState, [], [], SelectionSlice> = (set, get) => ({
  selection: { blocks: [], links: [] },
  clipboard: null,
  reveal: null,
  select(selection) {
    const current = get().selection;
    // React Flow reports selection on every change; skip no-ops so subscribers don't re-render.
    if (sameIds(current.blocks, selection.blocks) && sameIds(current.links, selection.links)) return;
    set({ selection });
  },
  revealBlock(blockId) {
    set({ selection: { blocks: [blockId], links: [] }, reveal: { blockId, nonce: (get().reveal?.nonce ?? 0) + 1 } });
  },
  setClipboard(content) {
    set({ clipboard: content });
  },
});
