import { useEffect } from 'react';
import { useDesigner } from '../store/index.js';
import { save } from '../actions/files.js';
import { abortRun, startRun, stopRun, toggleBreakpoint } from '../actions/run.js';
import { copySelection, cutSelection, deleteSelection, paste } from '../actions/editing.js';

/** True when keys belong to a text field or an editor, where Ctrl+Z/C/V mean text editing. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return !!target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor');
}

/**
 * The Designer's shortcuts: Ctrl+S save, Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo / redo, Ctrl+C / X / V,
 * Delete, F5 run, Shift+F5 stop, Ctrl+F5 abort, F9 breakpoint on the selected block.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const ctrl = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (ctrl && key === 's') {
        e.preventDefault();
        void save();
        return;
      }
      if (e.key === 'F5') {
        e.preventDefault();
        if (e.shiftKey) stopRun();
        else if (ctrl) abortRun();
        else void startRun('run');
        return;
      }
      if (e.key === 'F9') {
        e.preventDefault();
        const [blockId] = useDesigner.getState().selection.blocks;
        if (blockId) toggleBreakpoint(blockId);
        return;
      }
      if (typingInField(e.target) || document.querySelector('[role="dialog"]')) return;
      const store = useDesigner.getState();
      if (ctrl && key === 'z' && !e.shiftKey) store.undo();
      else if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) store.redo();
      else if (ctrl && key === 'c') copySelection();
      else if (ctrl && key === 'x') cutSelection();
      else if (ctrl && key === 'v') paste();
      else if (e.key === 'Delete' || e.key === 'Backspace') deleteSelection();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
