import { useTranslation } from 'react-i18next';
import { useAssistant } from './store.js';
import { formatTime } from './format.js';

/** The header's one-line connection status; clicking it opens the settings. */
export function ConnectionBadge() {
  const { t, i18n } = useTranslation();
  const connection = useAssistant((s) => s.connection);
  const setPage = useAssistant((s) => s.setPage);
  if (!connection) return null;
  const since = connection.since ? formatTime(connection.since, i18n.language) : '';
  const text = t(`assistant.connection.${connection.state}`, { since });
  return (
    <button type="button" className={`as-badge as-badge-${connection.state}`} data-testid="connection-status" onClick={() => setPage('settings')} title={connection.message || text}>
      <span className="as-dot" aria-hidden="true" />
      {text}
    </button>
  );
}
