import { useTranslation } from 'react-i18next';
import type { Lang } from '../../model/types.js';
import type { Asset, TestResult } from './useOrchestratorConnection.js';

/** "Test connection": each step, passed, failed or skipped. */
export function ConnectionChecks({ test, lang }: { test: TestResult; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <ul className="checks" aria-label={t('orchestrator.checks')}>
      {test.checks.map((c) => (
        <li key={c.id} className={c.skipped ? 'skipped' : c.ok ? 'ok' : 'failed'}>
          <span aria-hidden="true">{c.skipped ? '–' : c.ok ? '✔' : '✖'}</span> {c.message[lang]}
        </li>
      ))}
    </ul>
  );
}

/** The Orchestrator's variables and credentials, read-only: names to use in blocks. */
export function AssetList({ assets }: { assets: Asset[] }) {
  const { t } = useTranslation();
  return (
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
  );
}
