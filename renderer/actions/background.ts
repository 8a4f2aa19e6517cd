import { bridge } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';
import { isDirty, type OpenDocument } from '../store/documents.js';
import { onRunEvent } from './run.js';
import { onFileChanged } from './files.js';

const VALIDATE_DELAY_MS = 250;
const RECOVERY_DELAY_MS = 1_500;

/**
 * Work that follows the documents without the user asking: live validation, autosave to a
 * recovery file, and the host's events. Returns a function that stops it all.
 */
export function startBackgroundWork(): () => void {
  const validateTimers = new Map<string, number>();
  const recoveryTimers = new Map<string, number>();
  let lastDocs: Record<string, OpenDocument> = {};
  let lastCatalog = useDesigner.getState().catalog;

  const schedule = (timers: Map<string, number>, path: string, delay: number, job: () => void): void => {
    window.clearTimeout(timers.get(path));
    timers.set(path, window.setTimeout(job, delay));
  };

  const validate = (path: string): void => {
    const open = useDesigner.getState().docs[path];
    if (!open) return;
    const doc = open.doc;
    bridge
      .call('scenario.validate', { doc })
      .then(({ problems }) => {
        // Ignore answers for a document that changed again meanwhile.
        if (useDesigner.getState().docs[path]?.doc === doc) useDesigner.getState().setProblems(path, problems);
      })
      .catch(() => undefined);
  };

  const unsubscribe = useDesigner.subscribe((state) => {
    const catalogChanged = state.catalog !== lastCatalog;
    lastCatalog = state.catalog;
    for (const [path, open] of Object.entries(state.docs)) {
      const before = lastDocs[path];
      if (before?.doc === open.doc && !catalogChanged) continue;
      schedule(validateTimers, path, VALIDATE_DELAY_MS, () => validate(path));
      // Undone back to the saved state: the recovery copy no longer holds anything to recover.
      if (before && isDirty(before) && !isDirty(open)) {
        window.clearTimeout(recoveryTimers.get(path));
        void bridge.call('recovery.discard', { path }).catch(() => undefined);
      }
      if (before && before.doc !== open.doc && isDirty(open)) {
        schedule(recoveryTimers, path, RECOVERY_DELAY_MS, () => {
          const current = useDesigner.getState().docs[path];
          if (isDirty(current)) void bridge.call('recovery.write', { path, doc: current.doc }).catch(() => undefined);
        });
      }
    }
    lastDocs = state.docs;
  });

  const offs = [
    bridge.on('run.event', onRunEvent),
    bridge.on('file.changed', ({ path, deleted }) => void onFileChanged(path, deleted)),
    bridge.on('dialog.request', (request) => useDesigner.getState().pushDialog(request)),
    bridge.on('dialog.closed', ({ requestId }) => useDesigner.getState().dropDialog(requestId)),
    bridge.on('app.menu', ({ command }) => useDesigner.getState().setAppDialog(command)),
  ];

  // Closing the window with unsaved edits asks first (the recovery file covers a crash).
  const beforeUnload = (event: BeforeUnloadEvent): void => {
    if (Object.values(useDesigner.getState().docs).some(isDirty)) event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);

  return () => {
    unsubscribe();
    offs.forEach((off) => off());
    window.removeEventListener('beforeunload', beforeUnload);
    for (const timer of [...validateTimers.values(), ...recoveryTimers.values()]) window.clearTimeout(timer);
  };
}
