import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePlus2, FolderOpen, FolderClock, BookOpen } from 'lucide-react';
import { bridge } from '../bridge/bridge.js';
import type { CommandResult } from '../../src/api/contract.js';
import { useDesigner } from '../store/index.js';
import { openProject, openSample } from '../actions/files.js';
import { reportError } from '../actions/notify.js';
import type { ProjectDialogKind } from '../dialogs/ProjectDialog.js';

type Recent = CommandResult<'project.recent'>;
type Samples = CommandResult<'samples.list'>;

/**
 * What the canvas area shows when no scenario is open: new project, open project, the recent
 * projects (remembered by the core) and the samples, each one click away.
 */
export function StartPage({ onProjectDialog }: { onProjectDialog(kind: ProjectDialogKind): void }) {
  const { t } = useTranslation();
  const project = useDesigner((s) => s.project);
  const [recent, setRecent] = useState<Recent | null>(null);
  const [samples, setSamples] = useState<Samples | null>(null);
  // Reloaded when the project changes: the one just opened is now the most recent.
  useEffect(() => {
    void bridge.call('project.recent').then(setRecent, reportError);
  }, [project?.dir]);
  useEffect(() => {
    void bridge.call('samples.list').then(setSamples, reportError);
  }, []);
  return (
    <div className="start-page" role="region" aria-label={t('start.title')}>
      <h1>{t('start.title')}</h1>
      <p className="muted">{project ? t('start.projectOpen', { name: project.project.name }) : t('start.intro')}</p>
      <div className="start-actions">
        <button type="button" className="primary" onClick={() => onProjectDialog('new')}>
          <FilePlus2 size={16} aria-hidden="true" /> {t('start.newProject')}
        </button>
        <button type="button" onClick={() => onProjectDialog('open')}>
          <FolderOpen size={16} aria-hidden="true" /> {t('start.openProject')}
        </button>
      </div>
      <div className="start-columns">
        <section aria-labelledby="start-recent">
          <h2 id="start-recent">
            <FolderClock size={15} aria-hidden="true" /> {t('dialogs.recent')}
          </h2>
          {recent && recent.length === 0 && <p className="muted">{t('start.noRecent')}</p>}
          <ul className="start-list">
            {recent?.map((p) => (
              <li key={p.dir}>
                <button type="button" className="link" onClick={() => void openProject(p.dir)} title={p.dir}>
                  {p.name}
                </button>
                <span className="muted start-path">{p.dir}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="start-samples">
          <h2 id="start-samples">
            <BookOpen size={15} aria-hidden="true" /> {t('start.samples')}
          </h2>
          <ul className="start-list">
            {samples?.map((s) => (
              <li key={s.name}>
                <button type="button" className="link" onClick={() => void openSample(s.name)} aria-label={t('start.openSample', { name: s.title })}>
                  {s.title}
                </button>
                <span className="muted">{s.description}</span>
              </li>
            ))}
          </ul>
          <p className="muted start-note">{t('start.samplesNote')}</p>
        </section>
      </div>
    </div>
  );
}
