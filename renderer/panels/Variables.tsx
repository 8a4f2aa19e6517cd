import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { addVariable } from '../model/variables.js';
import { VariableRow, type LiveRun } from './VariableRow.js';

/** The scenario's variables: add, rename (references follow), type, direction, default, sensitive. */
export const Variables = memo(function Variables() {
  const { t } = useTranslation();
  const doc = useDesigner((s) => (s.active ? s.docs[s.active]?.doc : undefined));
  const live = useDesigner((s) => ((s.run.pausedPath ?? s.run.path) === s.active ? s.run.variables : undefined));
  const paused = useDesigner((s) => s.run.status === 'paused' && s.run.pausedPath === s.active);
  const debugRun = useDesigner((s) => s.run.mode === 'debug');
  if (!doc) return null;
  const run: LiveRun | undefined = live && { values: live, paused, debugRun };
  const names = new Set(doc.variables.map((v) => v.name));
  return (
    <div className="variables">
      <table>
        <thead>
          <tr>
            <th>{t('variables.name')}</th>
            <th>{t('variables.type')}</th>
            <th>{t('variables.direction')}</th>
            <th>{t('variables.default')}</th>
            <th>{t('variables.sensitive')}</th>
            {live && <th>{t('variables.value')}</th>}
            <th />
          </tr>
        </thead>
        <tbody>
          {doc.variables.map((v) => (
            <VariableRow key={v.name} variable={v} taken={names} run={run} />
          ))}
        </tbody>
      </table>
      {doc.variables.length === 0 && <p className="muted">{t('variables.none')}</p>}
      <button type="button" onClick={() => useDesigner.getState().edit((d) => addVariable(d).doc)}>
        + {t('variables.add')}
      </button>
    </div>
  );
});
