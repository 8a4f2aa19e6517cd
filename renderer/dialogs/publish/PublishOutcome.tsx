import { useTranslation } from 'react-i18next';
import type { Published, Step, Version } from './types.js';

/** The progress bar and current step while publishing. */
export function PublishProgress({ step }: { step: Step | null }) {
  const { t } = useTranslation();
  return (
    <p role="status">
      <progress aria-label={t('publish.publishing')} /> {step ? t(`publish.steps.${step}`) : t('publish.publishing')}
    </p>
  );
}

/** What was published, with the version's GUID (what the Orchestrator's jobs name). */
export function PublishResult({ result }: { result: Published }) {
  const { t } = useTranslation();
  const done = t('publish.done', { name: result.processName, version: result.version });
  return (
    <div className="result" role="status" aria-label={done}>
      <strong>✔ {done}</strong>
      <div>
        {t('publish.versionGuid')}: <code data-testid="version-guid">{result.versionGuid}</code>
      </div>
    </div>
  );
}

/** The versions the chosen process already has, newest first. */
export function ExistingVersions({ versions }: { versions: Version[] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('publish.existing')}>
      <h3>{t('publish.existing')}</h3>
      {versions.length === 0 ? (
        <p className="muted">{t('publish.noVersions')}</p>
      ) : (
        <table className="versions">
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.guid}>
                <td>
                  <strong>{v.name}</strong>
                </td>
                <td className="muted">{v.createdAt ? new Date(v.createdAt).toLocaleString() : ''}</td>
                <td>{v.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
