import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogButtons, Modal } from './Modal.js';
import { FolderBrowser } from './FolderBrowser.js';
import { newProject, openProject } from '../actions/files.js';
import { bridge } from '../bridge/bridge.js';
import { parentFolder } from '../app/rememberedProject.js';

export type ProjectDialogKind = 'new' | 'open';

/**
 * New project: a parent folder (browsed or typed) and a name; the project goes into
 * `<folder>/<name>`. Open project: a folder with cairn.project.json (typed or browsed).
 */
export function ProjectDialog({ kind, onClose }: { kind: ProjectDialogKind; onClose(): void }) {
  const { t } = useTranslation();
  const [dir, setDir] = useState('');
  const [name, setName] = useState('');
  // Browsing starts in the folder of the most recent project (where the user keeps projects),
  // not in the home folder; undefined (home) when there is none yet, null while asking.
  const [start, setStart] = useState<string | undefined | null>(null);
  useEffect(() => {
    void bridge.call('project.recent').then(
      (recent) => setStart(recent[0] ? parentFolder(recent[0].dir) : undefined),
      () => setStart(undefined),
    );
  }, []);
  const submit = async () => {
    const folder = dir.trim().replace(/[\\/]+$/, '');
    if (!folder) return;
    // On failure the dialog stays open; the status bar says why.
    const done = kind === 'new' ? !!name.trim() && (await newProject(`${folder}/${name.trim()}`, name.trim())) : await openProject(folder);
    if (done) onClose();
  };
  const title = kind === 'new' ? t('dialogs.newProject') : t('dialogs.openProject');
  return (
    <Modal title={title} onCancel={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {kind === 'new' && (
          <label>
            {t('dialogs.projectName')}
            <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t('dialogs.projectName')} />
          </label>
        )}
        <label>
          {t('dialogs.folder')}
          <input value={dir} onChange={(e) => setDir(e.target.value)} aria-label={t('dialogs.folder')} />
        </label>
        {start !== null && (
          <FolderBrowser
            directoriesOnly
            {...(start ? { start } : {})}
            onDir={(d, initial) => setDir((typed) => (initial && typed ? typed : d))}
          />
        )}
        <DialogButtons primary={kind === 'new' ? t('dialogs.create') : t('dialogs.open')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
