import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../dialogs/Modal.js';
import { FolderBrowser } from '../dialogs/FolderBrowser.js';
import { useDesigner } from '../store/index.js';

/** A file or folder path: typed, or picked through the host's file system (`fs.list`). */
export function PathField({
  value,
  onChange,
  label,
  folder,
  filters,
}: {
  value: string;
  onChange(v: string): void;
  label: string;
  folder: boolean;
  filters?: string[];
}) {
  const { t } = useTranslation();
  const projectDir = useDesigner((s) => s.project?.dir);
  const [browsing, setBrowsing] = useState(false);
  const [dir, setDir] = useState('');
  const pick = (path: string) => {
    // Paths inside the project are stored relative, so the project can move.
    const relative = projectDir && path.startsWith(`${projectDir}/`) ? path.slice(projectDir.length + 1) : path;
    onChange(relative);
    setBrowsing(false);
  };
  return (
    <span className="row">
      <input value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} />
      <button type="button" onClick={() => setBrowsing(true)} aria-label={`${t('properties.browse')} ${label}`}>
        …
      </button>
      {browsing && (
        <Modal title={label} onCancel={() => setBrowsing(false)} wide>
          <FolderBrowser
            {...(projectDir ? { start: projectDir } : {})}
            {...(filters ? { extensions: filters } : {})}
            directoriesOnly={folder}
            onDir={setDir}
            onPickFile={pick}
          />
          <div className="buttons">
            {folder && (
              <button type="button" className="primary" onClick={() => pick(dir)}>
                {t('dialogs.chooseFolder')}
              </button>
            )}
            <button type="button" onClick={() => setBrowsing(false)}>
              {t('dialogs.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </span>
  );
}
