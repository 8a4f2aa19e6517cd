import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import { reportError } from '../actions/notify.js';
import { formatTime } from './format.js';
import { useAssistant, type ConnectionState } from './store.js';


/** The Orchestrator address, robot GUID and TLS check as typed, loaded from the settings; connect and check. */
function useConnectionSettings() {
  const [url, setUrl] = useState('');
  const [robotGuid, setRobotGuid] = useState('');
  const [verifyTls, setVerifyTls] = useState(true);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void bridge.call('settings.get').then((settings) => {
      setUrl(settings.orchestrator.url ?? '');
      setRobotGuid(settings.orchestrator.robotGuid ?? '');
      setVerifyTls(settings.orchestrator.allowInsecureTls !== true);
      setLoaded(true);
    }, reportError);
  }, []);
  const connect = async (next: { url: string; robotGuid: string }) => {
    const state = await bridge.call('assistant.connect', { ...next, allowInsecureTls: !verifyTls }).catch(reportError);
    if (state) useAssistant.getState().setConnection(state);
  };
  const check = async () => {
    const state = await bridge.call('assistant.refresh').catch(reportError);
    if (state) useAssistant.getState().setConnection(state);
  };
  /** Disconnecting is connecting to nothing: the fields are emptied and the robot stops polling. */
  const disconnect = () => {
    setUrl('');
    setRobotGuid('');
    void connect({ url: '', robotGuid: '' });
  };
  return { url, setUrl, robotGuid, setRobotGuid, verifyTls, setVerifyTls, loaded, connect, check, disconnect };
}

/** Status (since when), outbox backlog and last delivery, as the robot reports them. */
function ConnectionFacts({ connection }: { connection: ConnectionState }) {
  const { t, i18n } = useTranslation();
  const since = connection.since ? formatTime(connection.since, i18n.language) : '';
  return (
    <dl className="as-facts" data-testid="connection-facts">
      <div>
        <dt>{t('assistant.settings.status')}</dt>
        <dd data-testid="connection-state">
          {t(`assistant.connection.${connection.state}`, { since })}
          {connection.message && <span className="muted small"> — {connection.message}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('assistant.settings.backlog')}</dt>
        <dd data-testid="outbox-backlog">{connection.backlog}</dd>
      </div>
      <div>
        <dt>{t('assistant.settings.lastDelivery')}</dt>
        <dd>{connection.lastDeliveryAt ? formatTime(connection.lastDeliveryAt, i18n.language) : t('assistant.settings.never')}</dd>
      </div>
    </dl>
  );
}

/** The Assistant's Orchestrator connection: address, robot GUID, TLS; connect, check, disconnect; what the robot reports. */
export function ConnectionForm() {
  const { t } = useTranslation();
  const connection = useAssistant((s) => s.connection);
  const c = useConnectionSettings();
  if (!c.loaded) return null;
  const configured = !!connection && connection.state !== 'notConfigured';
  return (
    <form
      className="as-settings-block"
      aria-label={t('assistant.settings.orchestrator')}
      onSubmit={(e) => {
        e.preventDefault();
        void c.connect({ url: c.url, robotGuid: c.robotGuid });
      }}
    >
      <h2>{t('assistant.settings.orchestrator')}</h2>
      <label>
        {t('assistant.settings.url')}
        <input value={c.url} onChange={(e) => c.setUrl(e.target.value)} placeholder="http://192.168.1.111:4500" />
      </label>
      <label>
        {t('assistant.settings.robotGuid')}
        <input value={c.robotGuid} onChange={(e) => c.setRobotGuid(e.target.value)} placeholder="da8bc2f0-8065-4385-b867-405e66b8e151" />
      </label>
      <label className="as-check">
        <input type="checkbox" checked={c.verifyTls} onChange={(e) => c.setVerifyTls(e.target.checked)} />
        {t('assistant.settings.verifyTls')}
      </label>
      {!c.verifyTls && (
        <p className="as-warning" role="alert">
          ⚠ {t('assistant.settings.tlsWarning')}
        </p>
      )}
      <div className="buttons left">
        <button type="submit" className="primary big" disabled={!c.url.trim() || !c.robotGuid.trim()}>
          {t('assistant.settings.connect')}
        </button>
        <button type="button" onClick={() => void c.check()} disabled={!configured}>
          {t('assistant.settings.check')}
        </button>
        <button type="button" onClick={c.disconnect} disabled={!configured}>
          {t('assistant.settings.disconnect')}
        </button>
      </div>
      {connection && <ConnectionFacts connection={connection} />}
      {connection?.attendedRefused && <p className="as-warning">{t('assistant.settings.refused')}</p>}
      <p className="muted small">{t('assistant.settings.secretsNote')}</p>
    </form>
  );
}
