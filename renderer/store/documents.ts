import type { StateCreator } from 'zustand';
import type { Scenario } from '../model/types.js';
import type { DesignerState } from './index.js';

/** Undo history depth per open scenario. Snapshots share unchanged blocks, so this is cheap. */
const HISTORY_LIMIT = 200;

/** One open scenario tab. `undo`/`redo` hold immutable snapshots of the whole document. */
export type OpenDocument = {
  path: string;
  doc: Scenario;
  /** The file revision the doc was read or saved at (`scenario.save` conflict check). */
  rev: string | undefined;
  /** The document as last saved: dirty = doc differs from it. */
  saved: Scenario;
  undo: Scenario[];
  redo: Scenario[];
  /** Coalescing key of the last edit: typing into one field makes one undo step, not one per key. */
  lastEdit?: string;
};

export type DocumentsSlice = {
  docs: Record<string, OpenDocument>;
  /** Open tabs, in order. */
  tabs: string[];
  active: string | null;
  openDocument(path: string, doc: Scenario, rev: string | undefined): void;
  closeDocument(path: string): void;
  activate(path: string): void;
  /**
   * Applies an undoable edit to a document (the active one by default). Consecutive edits with
   * the same `coalesce` key (keystrokes in one field) share one undo step.
   */
  edit(update: (doc: Scenario) => Scenario, path?: string | null, coalesce?: string): void;
  undo(path?: string): void;
  redo(path?: string): void;
  markSaved(path: string, rev: string, doc: Scenario): void;
  /** Replaces the document from disk (external change), keeping undo so it can be taken back. */
  replaceFromDisk(path: string, doc: Scenario, rev: string): void;
};

export function isDirty(d: OpenDocument | undefined): boolean {
  return !!d && d.doc !== d.saved;
}

export const createDocumentsSlice: StateCreator<DesignerState, [], [], DocumentsSlice> = (set, get) => {
  const update = (path: string | null | undefined, fn: (d: OpenDocument) => OpenDocument | undefined): void => {
    const key = path ?? get().active;
    if (!key) return;
    const current = get().docs[key];
    if (!current) return;
    const next = fn(current);
    if (next && next !== current) set({ docs: { ...get().docs, [key]: next } });
  };
  return {
    docs: {},
    tabs: [],
    active: null,
    openDocument(path, doc, rev) {
      const existing = get().docs[path];
      if (existing) return set({ active: path });
      set({
        docs: { ...get().docs, [path]: { path, doc, rev, saved: doc, undo: [], redo: [] } },
        tabs: [...get().tabs, path],
        active: path,
        selection: { blocks: [], links: [] },
      });
    },
    closeDocument(path) {
      const { [path]: _closed, ...docs } = get().docs;
      const tabs = get().tabs.filter((t) => t !== path);
      const active = get().active === path ? (tabs[tabs.length - 1] ?? null) : get().active;
      set({ docs, tabs, active, selection: { blocks: [], links: [] } });
    },
    activate(path) {
      if (get().active !== path) set({ active: path, selection: { blocks: [], links: [] } });
    },
    edit(fn, path, coalesce) {
      update(path, (d) => {
        const doc = fn(d.doc);
        if (doc === d.doc) return d;
        if (coalesce && d.lastEdit === coalesce && d.undo.length) return { ...d, doc, redo: [] };
        return { ...d, doc, undo: [...d.undo.slice(-HISTORY_LIMIT + 1), d.doc], redo: [], lastEdit: coalesce };
      });
    },
    undo(path) {
      update(path, (d) => {
        const previous = d.undo[d.undo.length - 1];
        if (!previous) return d;
        return { ...d, doc: previous, undo: d.undo.slice(0, -1), redo: [...d.redo, d.doc], lastEdit: undefined };
      });
    },
    redo(path) {
      update(path, (d) => {
        const next = d.redo[d.redo.length - 1];
        if (!next) return d;
        return { ...d, doc: next, redo: d.redo.slice(0, -1), undo: [...d.undo, d.doc], lastEdit: undefined };
      });
    },
    markSaved(path, rev, doc) {
      update(path, (d) => ({ ...d, rev, saved: doc }));
    },
    replaceFromDisk(path, doc, rev) {
      update(path, (d) => ({ ...d, doc, saved: doc, rev, undo: [...d.undo, d.doc], redo: [], lastEdit: undefined }));
    },
  };
};
