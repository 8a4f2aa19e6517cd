import { useTranslation } from 'react-i18next';
import { isExpression } from '../../src/scenario/schema.js';
import { formatValue } from '../model/literals.js';
import { ExpressionEditor } from '../editors/lazy.js';

export type Assignment = { variable?: string; value?: unknown };

/**
 * A list parameter whose items are `{ variable, value }` pairs (core.assign and blocks like it)
 * is edited as rows: a variable and its value, the value an expression or a literal.
 */
export function isAssignmentList(name: string, value: unknown): boolean {
  if (Array.isArray(value) && value.length > 0) {
    return value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item) && 'variable' in item);
  }
  return name === 'assignments';
}

export function AssignmentsEditor({
  value,
  onChange,
  label,
  variables,
  modelPath,
}: {
  value: unknown;
  onChange(value: Assignment[] | undefined): void;
  label: string;
  variables: string[];
  modelPath: string;
}) {
  const { t } = useTranslation();
  const rows: Assignment[] = Array.isArray(value) ? (value as Assignment[]) : [];
  const update = (i: number, patch: Assignment) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    onChange(next.length ? next : undefined);
  };
  return (
    <div className="assignments" role="group" aria-label={label}>
      {rows.map((row, i) => {
        const expr = isExpression(row.value);
        const rowLabel = `${label} ${i + 1}`;
        return (
          <div className="assignment" key={i}>
            <div className="row">
              <select value={row.variable ?? ''} onChange={(e) => update(i, { variable: e.target.value })} aria-label={`${rowLabel}: ${t('variables.name')}`}>
                <option value="">{t('properties.noVariable')}</option>
                {variables.map((v) => (
                  <option key={v}>{v}</option>
                ))}
                {row.variable && !variables.includes(row.variable) && <option>{row.variable}</option>}
              </select>
              <span aria-hidden="true">=</span>
              <button
                type="button"
                className={expr ? 'toggle on' : 'toggle'}
                aria-pressed={expr}
                onClick={() => update(i, { value: expr ? undefined : { expr: row.value === undefined ? '' : JSON.stringify(row.value) } })}
                aria-label={t('properties.toggleExpression', { name: rowLabel })}
              >
                ƒx
              </button>
              <button type="button" className="icon" onClick={() => remove(i)} aria-label={`${t('dialogs.discard')} ${rowLabel}`}>
                ×
              </button>
            </div>
            {expr ? (
              <ExpressionEditor
                value={(row.value as { expr: string }).expr}
                onChange={(text) => update(i, { value: { expr: text } })}
                label={`${rowLabel}: ${t('properties.expression')}`}
                modelPath={`${modelPath}/${i}`}
              />
            ) : (
              <input
                value={row.value === undefined ? '' : formatValue(row.value)}
                onChange={(e) => update(i, { value: e.target.value })}
                aria-label={`${rowLabel}: ${t('properties.literal')}`}
              />
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, { variable: variables[0] ?? '', value: { expr: '' } }])}>
        + {label}
      </button>
    </div>
  );
}
