import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { currentLang } from '../i18n/index.js';
import { Modal } from './Modal.js';
import { usePublish } from './publish/usePublish.js';
import { ProcessField } from './publish/ProcessField.js';
import { VersionField } from './publish/VersionField.js';
import { ExistingVersions, PublishProgress, PublishResult } from './publish/PublishOutcome.js';
import { NEW_PROCESS, type PublishPhase } from './publish/types.js';

/** Orchestrator settings (when publishing failed), Publish, Close. */
function PublishButtons({ phase, error, canPublish, onClose }: { phase: PublishPhase; error: string; canPublish: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <div className="buttons">
      {error && (
        <button type="button" onClick={() => useDesigner.getState().setAppDialog('orchestrator')}>
          {t('publish.settings')}
        </button>
      )}
      <span className="grow" />
      {phase !== 'blocked' && phase !== 'done' && (
        <button type="submit" className="primary" disabled={!canPublish}>
          {phase === 'publishing' ? t('publish.publishing') : t('publish.publish')}
        </button>
      )}
      <button type="button" onClick={onClose}>
        {t('publish.close')}
      </button>
    </div>
  );
}

/**
 * Publish…: saves open edits, validates the whole project (errors block it and open the Problems
 * panel), then a process from the Orchestrator's list (or a new one), the version (patch / minor
 * / major / explicit, current → new), release notes, progress, and the result with its GUID.
 */
export function PublishDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const s = usePublish();
  const { project, phase } = s;
  const chosen = phase === 'ready' || phase === 'publishing' || phase === 'done';
  return (
    <Modal title={t('publish.title', { name: project?.project.name ?? '' })} onCancel={onClose} wide>
      <form
        className="publish"
        onSubmit={(e) => {
          e.preventDefault();
          if (s.canPublish) void s.publish();
        }}
      >
        {!project && <p className="muted">{t('app.noProject')}</p>}
        {project && phase === 'checking' && <p role="status">{t('publish.checking')}</p>}
        {phase === 'blocked' && (
          <p className="field-error" role="alert">
            {t('publish.blocked', { count: s.errorCount })}
          </p>
        )}
        {chosen && (
          <>
            <ProcessField processes={s.processes} processGuid={s.processGuid} onProcess={s.setProcessGuid} newName={s.newName} onNewName={s.setNewName} />
            <VersionField choice={s.choice} onChoice={s.setChoice} explicit={s.explicit} onExplicit={s.setExplicit} preview={s.preview} lang={lang} />
            <label>
              {t('publish.notes')}
              <textarea rows={3} value={s.notes} onChange={(e) => s.setNotes(e.target.value)} aria-label={t('publish.notes')} />
            </label>
            {phase === 'publishing' && <PublishProgress step={s.step} />}
            {s.result && <PublishResult result={s.result} />}
            {s.processGuid && s.processGuid !== NEW_PROCESS && <ExistingVersions versions={s.versions} />}
          </>
        )}
        {s.error && (
          <p className="field-error" role="alert">
            {s.error}
          </p>
        )}
        <PublishButtons phase={phase} error={s.error} canPublish={s.canPublish} onClose={onClose} />
      </form>
    </Modal>
  );
}
