import i18next from 'i18next';
import { bridge } from '../bridge/bridge.js';
import { ApiError } from '../../src/api/errors.js';
import { useDesigner } from '../store/index.js';
import type { Scenario } from '../model/types.js';
import type { ProjectInfo } from '../store/project.js';
import { isDirty } from '../store/documents.js';
import { baseName, reportError } from './notify.js';
import { rememberOpenProject } from '../app/rememberedProject.js';

const t = (key: string, opts: Record<string, unknown> = {}): string => i18next.t(key, opts);

/** Opens a project folder and its main scenario, offering recovery of unsaved edits first. */
export async function openProject(dir: string): Promise<boolean> {
  if (!(await settleUnsaved())) return false;
  const info = await bridge.call('project.open', { dir }).catch(reportError);
  if (!info) return false;
  return showProject(info);
}

/** Opens a sample as the user's own copy (made in the data folder the first time). */
export async function openSample(name: string): Promise<boolean> {
  if (!(await settleUnsaved())) return false;
  const info = await bridge.call('samples.open', { name }).catch(reportError);
  return !!info && (await showProject(info));
}

/** Shows an opened project: its tabs replace the previous project's, its main scenario opens. */
async function showProject(info: ProjectInfo): Promise<boolean> {
  rememberOpenProject(info.dir);
  const store = useDesigner.getState();
  for (const path of [...store.tabs]) store.closeDocument(path);
  // The previous project's run and output mean nothing here.
  store.clearRun();
  store.setProject(info);
  const main = info.scenarios.find((s) => s.relPath === info.project.main) ?? info.scenarios[0];
  const recoveries = (await bridge.call('recovery.list', { projectDir: info.dir }).catch(reportError)) ?? [];
  for (const recovery of recoveries) await offerRecovery(recovery.path, recovery.savedAt);
  if (main && !useDesigner.getState().docs[main.path]) await openScenario(main.path);
  return true;
}

/**
 * Before the open tabs are closed for another project: unsaved changes are saved or dropped
 * only when the user says so. False when the user cancels (or a save fails).
 */
async function settleUnsaved(): Promise<boolean> {
  const store = useDesigner.getState();
  const dirty = store.tabs.filter((path) => isDirty(store.docs[path]));
  if (dirty.length === 0) return true;
  const answer = await store.ask({
    title: t('dialogs.unsavedTitle'),
    text: t('dialogs.unsavedText', { names: dirty.map((p) => store.docs[p]?.doc.name ?? baseName(p)).join(', ') }),
    buttons: [
      { id: 'save', label: t('toolbar.saveAll') },
      { id: 'discard', label: t('dialogs.discard') },
      { id: 'cancel', label: t('dialogs.cancel') },
    ],
  });
  if (answer === 'discard') return true;
  if (answer !== 'save') return false;
  for (const path of dirty) if (!(await save(path))) return false;
  return true;
}

export async function newProject(dir: string, name: string): Promise<boolean> {
  const info = await bridge.call('project.new', { dir, name }).catch(reportError);
  return !!info && (await openProject(info.dir));
}

export async function openScenario(path: string): Promise<void> {
  if (useDesigner.getState().docs[path]) return useDesigner.getState().activate(path);
  const read = await bridge.call('scenario.read', { path }).catch(reportError);
  if (read) useDesigner.getState().openDocument(path, read.doc, read.rev);
}

async function offerRecovery(path: string, savedAt: string): Promise<void> {
  const answer = await useDesigner.getState().ask({
    title: t('dialogs.recoveryTitle'),
    text: t('dialogs.recoveryText', { name: baseName(path), savedAt: new Date(savedAt).toLocaleString() }),
    buttons: [
      { id: 'recover', label: t('dialogs.recover') },
      { id: 'discard', label: t('dialogs.discard') },
    ],
  });
  if (answer === 'recover') {
    const [read, recovered] = await Promise.all([
      bridge.call('scenario.read', { path }).catch(() => undefined),
      bridge.call('recovery.read', { path }).catch(reportError),
    ]);
    if (recovered) {
      const store = useDesigner.getState();
      // Opened at the disk revision, then the recovered doc applied as an undoable edit: it shows
      // as unsaved, and undo brings back what is on disk.
      store.openDocument(path, read?.doc ?? recovered.doc, read?.rev);
      store.edit(() => recovered.doc, path);
    }
  }
  if (answer === 'recover' || answer === 'discard') await bridge.call('recovery.discard', { path }).catch(reportError);
}

export async function createScenario(name: string): Promise<void> {
  const project = useDesigner.getState().project;
  if (!project) return;
  const created = await bridge.call('scenario.create', { projectDir: project.dir, name }).catch(reportError);
  if (!created) return;
  useDesigner.getState().openDocument(created.path, created.doc, created.rev);
  await refreshProject();
}

export async function refreshProject(): Promise<void> {
  const project = useDesigner.getState().project;
  if (!project) return;
  const info = await bridge.call('project.open', { dir: project.dir }).catch(reportError);
  if (info) useDesigner.getState().setProject(info);
}

/** Saves one scenario atomically; on a conflict with a change on disk asks before overwriting. */
export async function save(path = useDesigner.getState().active): Promise<boolean> {
  const open = path ? useDesigner.getState().docs[path] : undefined;
  if (!path || !open) return false;
  const doc = open.doc;
  try {
    const { rev } = await bridge.call('scenario.save', { path, doc, ...(open.rev ? { baseRev: open.rev } : {}) });
    finishSave(path, rev, doc);
    return true;
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'conflict')) return !!reportError(error);
    const answer = await useDesigner.getState().ask({
      title: t('dialogs.changedTitle'),
      text: t('dialogs.conflict', { name: baseName(path) }),
      buttons: [
        { id: 'overwrite', label: t('dialogs.overwrite') },
        { id: 'cancel', label: t('dialogs.cancel') },
      ],
    });
    if (answer !== 'overwrite') return false;
    const saved = await bridge.call('scenario.save', { path, doc }).catch(reportError);
    if (saved) finishSave(path, saved.rev, doc);
    return !!saved;
  }
}

function finishSave(path: string, rev: string, doc: Scenario): void {
  const store = useDesigner.getState();
  store.markSaved(path, rev, doc);
  store.notify('info', t('notices.saved', { name: baseName(path) }));
  // The autosaved recovery copy is obsolete once the file itself is saved.
  void bridge.call('recovery.discard', { path }).catch(() => undefined);
}

export async function saveAll(): Promise<void> {
  const { docs } = useDesigner.getState();
  for (const open of Object.values(docs)) if (isDirty(open)) await save(open.path);
}

export async function closeTab(path: string): Promise<void> {
  const open = useDesigner.getState().docs[path];
  if (isDirty(open)) {
    const answer = await useDesigner.getState().ask({
      title: baseName(path),
      text: t('canvas.unsaved'),
      buttons: [
        { id: 'save', label: t('toolbar.save') },
        { id: 'discard', label: t('dialogs.discard') },
        { id: 'cancel', label: t('dialogs.cancel') },
      ],
    });
    if (answer === 'cancel') return;
    if (answer === 'save' && !(await save(path))) return;
    if (answer === 'discard') await bridge.call('recovery.discard', { path }).catch(() => undefined);
  }
  useDesigner.getState().closeDocument(path);
  await bridge.call('scenario.close', { path }).catch(() => undefined);
}

/** A scenario changed on disk: reload silently if clean, ask if there are unsaved edits. */
export async function onFileChanged(path: string, deleted: boolean | undefined): Promise<void> {
  const open = useDesigner.getState().docs[path];
  if (!open || deleted) return;
  if (isDirty(open)) {
    const answer = await useDesigner.getState().ask({
      title: t('dialogs.changedTitle'),
      text: t('dialogs.changedText', { name: baseName(path) }),
      buttons: [
        { id: 'reload', label: t('dialogs.reload') },
        { id: 'keep', label: t('dialogs.keep') },
      ],
    });
    if (answer !== 'reload') return;
  }
  const read = await bridge.call('scenario.read', { path }).catch(reportError);
  if (read) useDesigner.getState().replaceFromDisk(path, read.doc, read.rev);
}
