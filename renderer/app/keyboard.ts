import { useEffect } from 'react';
import { useDesigner } from '../store/index.js';
import { save } from '../actions/files.js';
import { abortRun, debugCommand, debugFromSelected, pauseRun, runOrContinue, startRun, stopRun, toggleBreakpoint } from '../actions/run.js';
import { hotkeyAction, type HotkeyAction } from './hotkeys.js';
import { copySelection, cutSelection, deleteSelection, paste } from '../actions/editing.js';

/** True when keys belong to a text field or an editor, where Ctrl+Z/C/V mean text editing. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return !!target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor');
}

const runActions: Record<HotkeyAction, () => void> = {
  runOrContinue,
  run: () => void startRun('run'),
  debug: () => void startRun('debug'),
  debugFromSelected,
  stepOver: () => debugCommand({ type: 'stepOver' }),
  stepInto: () => debugCommand({ type: 'stepInto' }),
  stepOut: () => debugCommand({ type: 'stepOut' }),
  breakpoint: () => {
    const [blockId] = useDesigner.getState().selection.blocks;
    if (blockId) toggleBreakpoint(blockId);
  },
  pause: pauseRun,
  stop: stopRun,
  abort: abortRun,
};

/**
 * The Designer's shortcuts: Ctrl+S save, Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo / redo, Ctrl+C / X / V,
 * Delete, and the vendor's run and debug keys (hotkeys.ts), which work even in a text field.
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
      const action = hotkeyAction(e);
      if (action) {
        e.preventDefault();
        if (!e.repeat) runActions[action]();
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
