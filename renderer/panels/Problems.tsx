import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { currentLang, localized } from '../i18n/index.js';
import type { Problem } from '../store/project.js';

const none: Problem[] = [];

/** Validation findings of the active scenario; clicking one selects and reveals its block. */
export const Problems = memo(function Problems() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const problems = useDesigner((s) => (s.active ? (s.problems[s.active] ?? none) : none));
  if (!problems.length) return <p className="muted">{t('problems.none')}</p>;
  return (
    <ul className="problems" aria-label={t('panels.problems')}>
      {problems.map((p, i) => (
        <li key={`${p.code}-${p.blockId ?? ''}-${i}`} className={`problem ${p.severity}`}>
          <button
            type="button"
            className="link"
            onClick={() => p.blockId && useDesigner.getState().revealBlock(p.blockId)}
            disabled={!p.blockId}
            data-testid="problem"
          >
            <span className="sev">{t(`problems.${p.severity}`)}</span>
            {p.blockId && <code>{p.blockId}</code>} {localized(p.message, lang)}
          </button>
        </li>
      ))}
    </ul>
  );
});
