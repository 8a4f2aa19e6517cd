import { create } from 'zustand';
import { createDocumentsSlice, type DocumentsSlice } from './documents.js';
import { createSelectionSlice, type SelectionSlice } from './selection.js';
import { createRunSlice, type RunSlice } from './run.js';
import { createProjectSlice, type ProjectSlice } from './project.js';
import { createUiSlice, type UiSlice } from './ui.js';
import { createDialogsSlice, type DialogsSlice } from './dialogs.js';
import { createDebugSlice, type DebugSlice } from './debug.js';

export type DesignerState = DocumentsSlice & SelectionSlice & RunSlice & ProjectSlice & UiSlice & DialogsSlice & DebugSlice;

/** The Designer's one store, built from small slices (each file owns one concern). */
export const useDesigner = create<DesignerState>()((...a) => ({
  ...createDocumentsSlice(...a),
  ...createSelectionSlice(...a),
  ...createRunSlice(...a),
  ...createProjectSlice(...a),
  ...createUiSlice(...a),
  ...createDialogsSlice(...a),
  ...createDebugSlice(...a),
}));

/** The active document, or undefined when no scenario is open. */
export const selectActive = (s: DesignerState) => (s.active ? s.docs[s.active] : undefined);
