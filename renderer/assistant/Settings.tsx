import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../bridge/bridge.js';
import { reportError } from '../actions/notify.js';
import { notifySaved } from './actions.js';
import { formatTime } from './format.js';
import { isUsableHotkey } from './hotkeys.js';
import { useAssistant, type AssistantOptions } from './store.js';

function ConnectionForm() {
  const { t, i18n } = useTranslation();
  const connection = useAssistant((s) => s.connection);
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
  if (!loaded) return null;
  const since = connection?.since ? formatTime(connection.since, i18n.language) : '';
  return (
    <form
      className="as-settings-block"
      aria-label={t('assistant.settings.orchestrator')}
      onSubmit={(e) => {
        e.preventDefault();
        void connect({ url, robotGuid });
      }}
    >
      <h2>{t('assistant.settings.orchestrator')}</h2>
      <label>
        {t('assistant.settings.url')}
        <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://192.168.1.111:4500" />
      </label>
      <label>
        {t('assistant.settings.robotGuid')}
        <input value={robotGuid} onChange={(e) => setRobotGuid(e.target.value)} placeholder="da8bc2f0-8065-4385-b867-405e66b8e151" />
      </label>
      <label className="as-check">
        <input type="checkbox" checked={verifyTls} onChange={(e) => setVerifyTls(e.target.checked)} />
        {t('assistant.settings.verifyTls')}
      </label>
      {!verifyTls && (
        <p className="as-warning" role="alert">
          ⚠ {t('assistant.settings.tlsWarning')}
        </p>
      )}
      <div className="buttons left">
        <button type="submit" className="primary big" disabled={!url.trim() || !robotGuid.trim()}>
          {t('assistant.settings.connect')}
        </button>
        <button type="button" onClick={() => void check()} disabled={!connection || connection.state === 'notConfigured'}>
          {t('assistant.settings.check')}
        </button>
        <button
          type="button"
          onClick={() => {
            setUrl('');
            setRobotGuid('');
            void connect({ url: '', robotGuid: '' });
          }}
          disabled={!connection || connection.state === 'notConfigured'}
        >
          {t('assistant.settings.disconnect')}
        </button>
      </div>
      {connection && (
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
      )}
      {connection?.attendedRefused && <p className="as-warning">{t('assistant.settings.refused')}</p>}
      <p className="muted small">{t('assistant.settings.secretsNote')}</p>
    </form>
  );
}

function OptionsForm() {
  const { t } = useTranslation();
  const stored = useAssistant((s) => s.options);
  const [options, setOptions] = useState<AssistantOptions | null>(stored);
  useEffect(() => setOptions(stored), [stored]);
  if (!options) return null;
  const set = (patch: Partial<AssistantOptions>) => setOptions({ ...options, ...patch });
  const hotkeyValid = !options.stopHotkey || isUsableHotkey(options.stopHotkey);
  const save = async () => {
    const saved = await bridge.call('assistant.setOptions', options).catch(reportError);
    if (saved) {
      useAssistant.getState().setOptions(saved);
      notifySaved();
    }
  };
  return (
    <form
      className="as-settings-block"
      aria-label={t('assistant.settings.options')}
      onSubmit={(e) => {
        e.preventDefault();
        if (hotkeyValid) void save();
      }}
    >
      <h2>{t('assistant.settings.options')}</h2>
      <label>
        {t('assistant.settings.retentionDays')}
        <input type="number" min={0} value={options.retentionDays} onChange={(e) => set({ retentionDays: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
      </label>
      <label>
        {t('assistant.settings.retentionCount')}
        <input type="number" min={0} value={options.retentionCount} onChange={(e) => set({ retentionCount: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
      </label>
      <label className="as-check">
        <input type="checkbox" checked={options.createJobRecord} onChange={(e) => set({ createJobRecord: e.target.checked })} />
        {t('assistant.settings.createJobRecord')}
      </label>
      <label className="as-check">
        <input type="checkbox" checked={options.screenshotOnCrash} onChange={(e) => set({ screenshotOnCrash: e.target.checked })} />
        {t('assistant.settings.screenshotOnCrash')}
      </label>
      <label>
        {t('assistant.settings.stopHotkey')}
        <input value={options.stopHotkey ?? ''} onChange={(e) => set({ stopHotkey: e.target.value || null })} aria-invalid={!hotkeyValid} />
      </label>
      {bridge.mode === 'browser' && <p className="muted small">{t('assistant.settings.hotkeysBrowser')}</p>}
      <div className="buttons left">
        <button type="submit" className="primary" disabled={!hotkeyValid}>
          {t('assistant.settings.saveOptions')}
        </button>
      </div>
    </form>
  );
}

export function Settings() {
  const { t } = useTranslation();
  return (
    <section className="as-page as-settings" aria-label={t('assistant.nav.settings')}>
      <ConnectionForm />
      <OptionsForm />
    </section>
  );
}
