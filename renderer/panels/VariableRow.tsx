import { useTranslation } from 'react-i18next';
import { CommitInput } from './CommitInput.js';
import { variableTypes, type Variable } from '../../src/scenario/schema.js';
import { useDesigner } from '../store/index.js';
import { deleteVariable, renameVariable, updateVariable } from '../model/variables.js';
import { formatValue, parseLiteral } from '../model/literals.js';
import { setRunVariable } from '../actions/run.js';
import { ValueView } from './ValueView.js';
import { SecretValue } from './SecretValue.js';

const isStructured = (v: unknown): boolean => typeof v === 'object' && v !== null;

const IDENTIFIER = /^[A-Za-z_$\u0400-\u04FF][\w$\u0400-\u04FF]*$/;

/** Where a run is looking at this scenario: its variables, whether it is paused here, and in debug mode. */
export type LiveRun = { values: Record<string, unknown>; paused: boolean; debugRun: boolean };

/**
 * A variable's value in the run: a secret only as a reveal button (and only while paused in
 * debug); paused, an editable value (structures also shown as a tree); running, read-only.
 */
function LiveValue({ variable: v, run }: { variable: Variable; run: LiveRun }) {
  const { t } = useTranslation();
  const { values, paused, debugRun } = run;
  if (v.sensitive || v.type === 'secret') return v.name in values && <SecretValue name={v.name} canReveal={paused && debugRun} />;
  if (paused) {
    return (
      <>
        <CommitInput
          value={v.name in values ? formatValue(values[v.name]) : ''}
          label={t('variables.liveValueOf', { name: v.name })}
          onCommit={(text) => setRunVariable(v.name, parseLiteral(text, v.type))}
        />
        {isStructured(values[v.name]) && <ValueView value={values[v.name]} />}
      </>
    );
  }
  return v.name in values ? <ValueView value={values[v.name]} /> : '';
}

/** One variable: name (renaming updates references), type, direction, default, sensitive, live value, delete. */
export function VariableRow({ variable: v, taken, run }: { variable: Variable; taken: Set<string>; run: LiveRun | undefined }) {
  const { t } = useTranslation();
  const edit = useDesigner.getState().edit;
  const update = (patch: Partial<Variable>) => edit((d) => updateVariable(d, v.name, patch));
  return (
    <tr>
      <td>
        <CommitInput
          value={v.name}
          label={t('variables.name')}
          valid={(n) => IDENTIFIER.test(n) && (n === v.name || !taken.has(n))}
          onCommit={(n) => edit((d) => renameVariable(d, v.name, n, useDesigner.getState().catalog))}
        />
      </td>
      <td>
        <select value={v.type} onChange={(e) => update({ type: e.target.value as Variable['type'] })} aria-label={`${t('variables.type')} ${v.name}`}>
          {variableTypes.map((type) => (
            <option key={type} value={type}>
              {t(`varTypes.${type}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select value={v.direction ?? ''} onChange={(e) => update({ direction: (e.target.value || undefined) as Variable['direction'] })} aria-label={`${t('variables.direction')} ${v.name}`}>
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
          onCommit={(text) => update({ default: text === '' ? undefined : parseLiteral(text, v.type) })}
        />
      </td>
      <td>
        <input type="checkbox" checked={!!v.sensitive} onChange={(e) => update({ sensitive: e.target.checked || undefined })} aria-label={`${t('variables.sensitive')} ${v.name}`} />
      </td>
      {run && (
        <td className="live">
          <LiveValue variable={v} run={run} />
        </td>
      )}
      <td>
        <button type="button" className="icon" onClick={() => edit((d) => deleteVariable(d, v.name))} aria-label={t('variables.delete', { name: v.name })}>
          ×
        </button>
      </td>
    </tr>
  );
}
