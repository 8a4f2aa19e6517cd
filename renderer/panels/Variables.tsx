import { memo } from 'react';
import { CommitInput } from './CommitInput.js';
import { useTranslation } from 'react-i18next';
import { variableTypes, type Variable } from '../../src/scenario/schema.js';
import { useDesigner } from '../store/index.js';
import { addVariable, deleteVariable, renameVariable, updateVariable } from '../model/variables.js';
import { formatValue, parseLiteral } from '../model/literals.js';
import { setRunVariable } from '../actions/run.js';
import { ValueView } from './ValueView.js';
import { SecretValue } from './SecretValue.js';

const isStructured = (v: unknown): boolean => typeof v === 'object' && v !== null;

const IDENTIFIER = /^[A-Za-z_$\u0400-\u04FF][\w$\u0400-\u04FF]*$/;

/** The scenario's variables: add, rename (references follow), type, direction, default, sensitive. */
export const Variables = memo(function Variables() {
  const { t } = useTranslation();
  const doc = useDesigner((s) => (s.active ? s.docs[s.active]?.doc : undefined));
  const live = useDesigner((s) => ((s.run.pausedPath ?? s.run.path) === s.active ? s.run.variables : undefined));
  const paused = useDesigner((s) => s.run.status === 'paused' && s.run.pausedPath === s.active);
  const debugRun = useDesigner((s) => s.run.mode === 'debug');
  if (!doc) return null;
  const edit = useDesigner.getState().edit;
  const update = (name: string, patch: Partial<Variable>) => edit((d) => updateVariable(d, name, patch));
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
          {doc.variables.map((v) => {
            const secret = v.sensitive || v.type === 'secret';
            return (
              <tr key={v.name}>
                <td>
                  <CommitInput
                    value={v.name}
                    label={t('variables.name')}
                    valid={(n) => IDENTIFIER.test(n) && (n === v.name || !names.has(n))}
                    onCommit={(n) => edit((d) => renameVariable(d, v.name, n, useDesigner.getState().catalog))}
                  />
                </td>
                <td>
                  <select value={v.type} onChange={(e) => update(v.name, { type: e.target.value as Variable['type'] })} aria-label={`${t('variables.type')} ${v.name}`}>
                    {variableTypes.map((type) => (
                      <option key={type} value={type}>
                        {t(`varTypes.${type}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    value={v.direction ?? ''}
                    onChange={(e) => update(v.name, { direction: (e.target.value || undefined) as Variable['direction'] })}
                    aria-label={`${t('variables.direction')} ${v.name}`}
                  >
                    <option value="">{t('variables.local')}</option>
                    <option value="in">{t('directions.in')}</option>
                    <option value="out">{t('directions.out')}</option>
                    <option value="inout">{t('directions.inout')}</option>
                  </select>
                </td>
                <td>
                  <CommitInput
                    value={v.default === undefined ? '' : formatValue(v.default)}
                    label={`${t('variables.default')} ${v.name}`}
                    onCommit={(text) => update(v.name, { default: text === '' ? undefined : parseLiteral(text, v.type) })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={!!v.sensitive}
                    onChange={(e) => update(v.name, { sensitive: e.target.checked || undefined })}
                    aria-label={`${t('variables.sensitive')} ${v.name}`}
                  />
                </td>
                {live && (
                  <td className="live">
                    {secret ? (
                      v.name in live && <SecretValue name={v.name} canReveal={paused && debugRun} />
                    ) : paused ? (
                      <>
                        <CommitInput
                          value={v.name in live ? formatValue(live[v.name]) : ''}
                          label={t('variables.liveValueOf', { name: v.name })}
                          onCommit={(text) => setRunVariable(v.name, parseLiteral(text, v.type))}
                        />
                        {isStructured(live[v.name]) && <ValueView value={live[v.name]} />}
                      </>
                    ) : v.name in live ? (
                      <ValueView value={live[v.name]} />
                    ) : (
                      ''
                    )}
                  </td>
                )}
                <td>
                  <button type="button" className="icon" onClick={() => edit((d) => deleteVariable(d, v.name))} aria-label={t('variables.delete', { name: v.name })}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {doc.variables.length === 0 && <p className="muted">{t('variables.none')}</p>}
      <button type="button" onClick={() => edit((d) => addVariable(d).doc)}>
        + {t('variables.add')}
      </button>
    </div>
  );
});
