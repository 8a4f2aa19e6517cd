import { useTranslation } from 'react-i18next';
import type { Lang } from '../../model/types.js';
import type { Preview, VersionChoice } from './types.js';

type Props = {
  choice: VersionChoice;
  onChoice(choice: VersionChoice): void;
  explicit: string;
  onExplicit(version: string): void;
  preview: Preview | null;
  lang: Lang;
};

/** Patch / minor / major / an explicit version, and what it makes of the current one. */
export function VersionField({ choice, onChoice, explicit, onExplicit, preview, lang }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('publish.version')}</legend>
      <div className="row" role="radiogroup" aria-label={t('publish.version')}>
        {(['patch', 'minor', 'major', 'explicit'] as const).map((c) => (
          <label key={c} className="check">
            <input type="radio" name="bump" checked={choice === c} onChange={() => onChoice(c)} />
            {t(`publish.${c}`)}
          </label>
        ))}
        {choice === 'explicit' && <input value={explicit} onChange={(e) => onExplicit(e.target.value)} placeholder="1.4.0" aria-label={t('publish.explicitVersion')} />}
      </div>
      <p className="version-change" data-testid="version-change">
        {preview?.next ? t('publish.change', { current: preview.current, next: preview.next }) : ''}
        {preview?.error && <span className="field-error">{preview.error[lang]}</span>}
      </p>
    </fieldset>
  );
}
