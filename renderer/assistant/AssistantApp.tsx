import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RunDialogHost } from '../dialogs/RunDialogHost.js';
import { setLanguage } from '../app/preferences.js';
import { useDesigner } from '../store/index.js';
import { languages } from '../i18n/index.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { History } from './History.js';
import { ProcessList } from './ProcessList.js';
import { RunPanel } from './RunPanel.js';
import { Settings } from './Settings.js';
import { useAssistant, type Page } from './store.js';

const PAGES: Page[] = ['processes', 'history', 'settings'];

function Notice() {
  const notice = useDesigner((s) => s.notice);
  if (!notice) return null;
  return (
    <p className={`as-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} key={notice.nonce}>
      {notice.text}
    </p>
  );
}

/** The Assistant: a calm app for running ready processes (the renderer's second face). */
export function AssistantApp() {
  const { t, i18n } = useTranslation();
  const page = useAssistant((s) => s.page);
  const setPage = useAssistant((s) => s.setPage);
  const panel = useAssistant((s) => s.selected !== null || s.live !== null);
  useEffect(() => {
    document.title = t('assistant.title');
  }, [t]);
  return (
    <div className="assistant">
      <header className="as-header">
        <h1>{t('assistant.title')}</h1>
        <nav aria-label={t('assistant.nav.label')} className="as-nav">
          {PAGES.map((p) => (
            <button key={p} type="button" className={page === p ? 'active' : ''} aria-current={page === p ? 'page' : undefined} onClick={() => setPage(p)}>
              {t(`assistant.nav.${p}`)}
            </button>
          ))}
        </nav>
        <span className="grow" />
        <ConnectionBadge />
        <select value={i18n.language} onChange={(e) => void setLanguage(e.target.value as 'en' | 'ru')} aria-label={t('assistant.settings.language')}>
          {languages.map((lang) => (
            <option key={lang} value={lang}>
              {lang === 'ru' ? 'Русский' : 'English'}
            </option>
          ))}
        </select>
      </header>
      <Notice />
      <main className={`as-main${panel && page === 'processes' ? ' with-panel' : ''}`}>
        {page === 'processes' && (
          <>
            <ProcessList />
            {panel && (
              <aside className="as-panel">
                <RunPanel />
              </aside>
            )}
          </>
        )}
        {page === 'history' && <History />}
        {page === 'settings' && <Settings />}
      </main>
      <RunDialogHost />
    </div>
  );
}
