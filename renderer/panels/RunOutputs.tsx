import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { ValueView } from './ValueView.js';

/** The main scenario's out-arguments once a run has ended (secrets arrive masked from the engine). */
export const RunOutputs = memo(function RunOutputs() {
  const { t } = useTranslation();
  const outputs = useDesigner((s) => (s.run.status === 'finished' ? s.run.result?.outputs : undefined));
  if (!outputs || Object.keys(outputs).length === 0) return null;
  return (
    <section className="run-outputs" aria-label={t('runOutputs.title')} data-testid="run-outputs">
      <span className="run-outputs-title">{t('runOutputs.title')}</span>
      <ul>
        {Object.entries(outputs).map(([name, value]) => (
          <li key={name} data-testid={`run-output-${name}`}>
            <span className="value-key">{name}</span> = <ValueView value={value} />
          </li>
        ))}
      </ul>
    </section>
  );
});
