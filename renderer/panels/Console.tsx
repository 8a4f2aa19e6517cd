import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { runConsoleExpression } from '../actions/run.js';
import { ValueView } from './ValueView.js';

/** Evaluates expressions in the paused block's scope; the answers stay in a short history (↑/↓ recall). */
export const Console = memo(function Console() {
  const { t } = useTranslation();
  const entries = useDesigner((s) => s.consoleEntries);
  const paused = useDesigner((s) => s.run.status === 'paused');
  const [draft, setDraft] = useState('');
  const [recall, setRecall] = useState(-1);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);
  const submit = () => {
    if (!draft.trim()) return;
    void runConsoleExpression(draft);
    setDraft('');
    setRecall(-1);
  };
  const step = (by: number) => {
    const next = Math.min(entries.length - 1, Math.max(-1, recall + by));
    setRecall(next);
    setDraft(next === -1 ? '' : entries[entries.length - 1 - next].expression);
  };
  return (
    <div className="console">
      <ol className="console-lines" ref={listRef} aria-label={t('debugPanels.console')} data-testid="console-lines">
        {entries.map((e) => (
          <li key={e.seq} className="console-entry">
            <code className="console-input">› {e.expression}</code>
            <div className="console-result" data-testid="console-result">
              {e.error !== undefined ? <span className="eval-error">{e.error}</span> : <ValueView value={e.value} open />}
            </div>
          </li>
        ))}
      </ol>
      <div className="panel-tools">
        <input
          className="console-input-field grow"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
            else if (e.key === 'ArrowUp') step(1);
            else if (e.key === 'ArrowDown') step(-1);
          }}
          placeholder={paused ? t('console.placeholder') : t('console.notPaused')}
          aria-label={t('console.input')}
        />
        <button type="button" onClick={() => useDesigner.getState().clearConsole()} aria-label={t('console.clear')} title={t('console.clear')}>
          ⌫
        </button>
      </div>
    </div>
  );
});
