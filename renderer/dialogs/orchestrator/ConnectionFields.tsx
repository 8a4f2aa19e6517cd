import { useTranslation } from 'react-i18next';
import type { useOrchestratorConnection } from './useOrchestratorConnection.js';

type Props = Pick<
  ReturnType<typeof useOrchestratorConnection>,
  'url' | 'setUrl' | 'apiKey' | 'setApiKey' | 'hasApiKey' | 'forgetKey' | 'secure' | 'robotGuid' | 'setRobotGuid' | 'verifyTls' | 'setVerifyTls'
>;

/** URL, API key (saved into the vault, forgettable), robot GUID and the TLS check with its warning. */
export function ConnectionFields(p: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('orchestrator.url')}
        <input value={p.url} onChange={(e) => p.setUrl(e.target.value)} placeholder="http://192.168.1.111:4500" aria-label={t('orchestrator.url')} />
      </label>
      <label>
        {t('orchestrator.apiKey')}
        <span className="row">
          <input
            type="password"
            value={p.apiKey}
            autoComplete="off"
            onChange={(e) => p.setApiKey(e.target.value)}
            placeholder={p.hasApiKey ? t('orchestrator.apiKeySaved') : ''}
            aria-label={t('orchestrator.apiKey')}
          />
          {p.hasApiKey && (
            <button type="button" onClick={() => void p.forgetKey()}>
              {t('orchestrator.forgetKey')}
            </button>
          )}
        </span>
        <small className="muted">
          {t('orchestrator.keyStored')} {!p.secure && t('orchestrator.insecureVault')}
        </small>
      </label>
      <label>
        {t('orchestrator.robotGuid')}
        <input value={p.robotGuid} onChange={(e) => p.setRobotGuid(e.target.value)} aria-label={t('orchestrator.robotGuid')} />
      </label>
      <div className="check">
        <input id="verify-tls" type="checkbox" checked={p.verifyTls} onChange={(e) => p.setVerifyTls(e.target.checked)} />
        <label htmlFor="verify-tls">{t('orchestrator.verifyTls')}</label>
      </div>
      {!p.verifyTls && (
        <p className="warning" role="alert">
          {t('orchestrator.tlsWarning')}
        </p>
      )}
    </>
  );
}
