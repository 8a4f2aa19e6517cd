import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../src/api/contract.js';
import { bridge } from '../bridge/bridge.js';
import { currentLang } from '../i18n/index.js';
import { useDesigner } from '../store/index.js';
import { useOrchestratorAssets } from '../store/orchestratorAssets.js';
import { DialogButtons, Modal } from './Modal.js';

type TestResult = CommandResult<'orchestrator.testConnection'>;
type Asset = CommandResult<'orchestrator.assets'>[number];

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The Orchestrator connection: URL, API key (into the vault; the UI never gets it back), robot
 * GUID and TLS checks; "Test connection" lists what worked, step by step; the Orchestrator's
 * variables and credentials are listed read-only, so their names can be used in blocks.
 */
export function OrchestratorDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const [url, setUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [hasApiKey, setHasApiKey] = useState(false);
  const [robotGuid, setRobotGuid] = useState('');
  const [verifyTls, setVerifyTls] = useState(true);
  const [test, setTest] = useState<TestResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [assets, setAssets] = useState<Asset[] | null>(null);
  const [error, setError] = useState('');
  const [secure, setSecure] = useState(true);

  useEffect(() => {
    void bridge.call('orchestrator.connection').then((c) => {
      setUrl(c.url);
      setRobotGuid(c.robotGuid);
      setVerifyTls(!c.allowInsecureTls);
      setHasApiKey(c.hasApiKey);
    }, (e: unknown) => setError(errorText(e)));
    void bridge.call('secrets.list').then((s) => setSecure(s.secure), () => undefined);
  }, []);

  const typed = { url, robotGuid, allowInsecureTls: !verifyTls, ...(apiKey ? { apiKey } : {}) };
  const runTest = async () => {
    setTesting(true);
    setError('');
    try {
      setTest(await bridge.call('orchestrator.testConnection', typed));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setTesting(false);
    }
  };
  const save = async (): Promise<boolean> => {
    try {
      const saved = await bridge.call('orchestrator.saveConnection', typed);
      setHasApiKey(saved.hasApiKey);
      setApiKey('');
      // Another Orchestrator, other names: the blocks' suggestions are fetched again when next needed.
      useOrchestratorAssets.setState({ assets: null });
      useDesigner.getState().notify('info', t('orchestrator.saved'));
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };
  const forgetKey = async () => {
    const saved = await bridge.call('orchestrator.saveConnection', { url, robotGuid, allowInsecureTls: !verifyTls, apiKey: '' }).catch((e: unknown) => setError(errorText(e)));
    if (saved) setHasApiKey(saved.hasApiKey);
  };
  const loadAssets = async () => {
    setError('');
    if (!(await save())) return;
    try {
      const list = await bridge.call('orchestrator.assets');
      setAssets(list);
      useOrchestratorAssets.getState().set(list);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Modal title={t('orchestrator.title')} onCancel={onClose} wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save().then((ok) => ok && onClose());
        }}
      >
        <label>
          {t('orchestrator.url')}
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://192.168.1.111:4500" aria-label={t('orchestrator.url')} />
        </label>
        <label>
          {t('orchestrator.apiKey')}
          <span className="row">
            <input
              type="password"
              value={apiKey}
              autoComplete="off"
              onChange={(e) => setApiKey(e.target.value)}
              placeholder={hasApiKey ? t('orchestrator.apiKeySaved') : ''}
              aria-label={t('orchestrator.apiKey')}
            />
            {hasApiKey && (
              <button type="button" onClick={() => void forgetKey()}>
                {t('orchestrator.forgetKey')}
              </button>
            )}
          </span>
          <small className="muted">
            {t('orchestrator.keyStored')} {!secure && t('orchestrator.insecureVault')}
          </small>
        </label>
        <label>
          {t('orchestrator.robotGuid')}
          <input value={robotGuid} onChange={(e) => setRobotGuid(e.target.value)} aria-label={t('orchestrator.robotGuid')} />
        </label>
        <div className="check">
          <input id="verify-tls" type="checkbox" checked={verifyTls} onChange={(e) => setVerifyTls(e.target.checked)} />
          <label htmlFor="verify-tls">{t('orchestrator.verifyTls')}</label>
        </div>
        {!verifyTls && (
          <p className="warning" role="alert">
            {t('orchestrator.tlsWarning')}
          </p>
        )}
        {test && (
          <ul className="checks" aria-label={t('orchestrator.checks')}>
            {test.checks.map((c) => (
              <li key={c.id} className={c.skipped ? 'skipped' : c.ok ? 'ok' : 'failed'}>
                <span aria-hidden="true">{c.skipped ? '–' : c.ok ? '✔' : '✖'}</span> {c.message[lang]}
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {assets && (
          <section aria-label={t('orchestrator.assets')}>
            <h3>{t('orchestrator.assets')}</h3>
            {assets.length === 0 ? (
              <p className="muted">{t('orchestrator.noAssets')}</p>
            ) : (
              <table className="assets">
                <tbody>
                  {assets.map((a) => (
                    <tr key={a.guid || a.name}>
                      <td>
                        <code>{a.name}</code>
                      </td>
                      <td className="muted">{t(`orchestrator.${a.type}`)}</td>
                      <td className="muted">{a.type === 'credentials' ? `${t('orchestrator.login')}: ${a.value ?? ''}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
        <DialogButtons primary={t('orchestrator.save')} onCancel={onClose}>
          <button type="button" onClick={() => void loadAssets()}>
            {t('orchestrator.loadAssets')}
          </button>
          <button type="button" onClick={() => void runTest()} disabled={testing}>
            {testing ? t('orchestrator.testing') : t('orchestrator.test')}
          </button>
          <span className="grow" />
        </DialogButtons>
      </form>
    </Modal>
  );
}
