import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { refreshWatches } from '../actions/run.js';
import { ValueView } from './ValueView.js';

/** Watch expressions: evaluated in the paused block's scope at each pause (and when added). */
export const Watch = memo(function Watch() {
  const { t } = useTranslation();
  const watches = useDesigner((s) => s.watches);
  const values = useDesigner((s) => s.watchValues);
  const paused = useDesigner((s) => s.run.status === 'paused');
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!draft.trim()) return;
    useDesigner.getState().addWatch(draft);
    setDraft('');
    if (useDesigner.getState().run.status === 'paused') void refreshWatches();
  };
  return (
    <div className="watch">
      <ul className="watch-list" aria-label={t('debugPanels.watch')}>
        {watches.map((w) => {
          const v = values[w];
          return (
            <li key={w} className="watch-row" data-testid="watch-row">
              <code className="watch-expr">{w}</code>
              <span className="watch-eq">=</span>
              <span className="watch-value" data-testid="watch-value">
                {!paused || v === undefined ? (
                  <span className="muted">{t('debug.notPausedShort')}</span>
                ) : v.error !== undefined ? (
                  <span className="eval-error">{v.error}</span>
                ) : (
                  <ValueView value={v.value} />
                )}
              </span>
              <button type="button" className="icon" onClick={() => useDesigner.getState().removeWatch(w)} aria-label={t('watch.remove', { expression: w })} title={t('watch.remove', { expression: w })}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <input
        className="watch-add"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
        }}
        placeholder={t('watch.add')}
        aria-label={t('watch.add')}
      />
    </div>
  );
});
