import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { RunStatus } from './RunStatus.js';
import { RunOutputs } from './RunOutputs.js';
import { translateRunMessage } from '../i18n/runMessages.js';
import { currentLang } from '../i18n/index.js';

const levels = ['debug', 'info', 'warn', 'error'] as const;
/** Only the newest lines are rendered; the store keeps a bounded history anyway. */
const RENDER_LIMIT = 1_000;

/** Log lines of the current run, with a minimum level filter and text search. */
export const Output = memo(function Output() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const logs = useDesigner((s) => s.logs);
  const [minLevel, setMinLevel] = useState<(typeof levels)[number]>('debug');
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const min = levels.indexOf(minLevel);
    const q = query.toLowerCase();
    return logs.filter((l) => levels.indexOf(l.level) >= min && (!q || l.message.toLowerCase().includes(q))).slice(-RENDER_LIMIT);
  }, [logs, minLevel, query]);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [shown]);
  return (
    <div className="output">
      <div className="panel-tools">
        <RunStatus />
        <span className="grow" />
        <select value={minLevel} onChange={(e) => setMinLevel(e.target.value as (typeof levels)[number])} aria-label={t('output.level')}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`logLevels.${l}`)}
            </option>
          ))}
        </select>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('output.search')} aria-label={t('output.search')} />
        <button type="button" onClick={() => useDesigner.getState().clearLogs()} aria-label={t('output.clear')} title={t('output.clear')}>
          ⌫
        </button>
      </div>
      <RunOutputs />
      <ol className="log-lines" ref={listRef} aria-label={t('panels.output')} data-testid="output-lines">
        {shown.length === 0 && <li className="muted">{t('output.empty')}</li>}
        {shown.map((l) => (
          <li key={l.seq} className={`log log-${l.level}`}>
            <span className="log-level">{t(`logLevels.${l.level}`)}</span>
            {l.blockId && (
              <button type="button" className="link log-block" onClick={() => useDesigner.getState().revealBlock(l.blockId!)}>
                {l.blockId}
              </button>
            )}
            <span className="log-message">{translateRunMessage(l.message, t, lang)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
});
