import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { translateRunMessage } from '../i18n/runMessages.js';
import { currentLang } from '../i18n/index.js';

/** The run's state and, when it ended, its result — the failing block is a link that selects it. */
export function RunStatus() {
  const { t, i18n } = useTranslation();
  const run = useDesigner((s) => s.run);
  if (run.status === 'idle') return null;
  if (run.status === 'starting' || run.status === 'running') return <span className="run-status running" role="status">{t('run.running')}</span>;
  if (run.status === 'paused') {
    return (
      <span className="run-status paused" role="status">
        {t('run.paused', { block: run.pausedBlock })}
        {run.pausedReason === 'error' && <span className="run-error">: {t('debug.pausedOnError', { message: run.pausedError ?? '' })}</span>}
      </span>
    );
  }
  const result = run.result;
  if (!result) return null;
  const blockId = result.error?.blockId;
  return (
    <span className={`run-status ${result.result}`} role="status" data-testid="run-result">
      {t(`run.${result.result}`)} ({Math.round(result.ms)} ms)
      {result.error && <span className="run-error">: {translateRunMessage(result.error.message, t, currentLang(i18n.language))} </span>}
      {blockId && (
        <button type="button" className="link" onClick={() => useDesigner.getState().revealBlock(blockId)}>
          {t('run.inBlock', { block: blockId })}
        </button>
      )}
    </span>
  );
}
