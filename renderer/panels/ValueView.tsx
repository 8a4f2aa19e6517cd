import { useTranslation } from 'react-i18next';
import { isTable, REDACTED } from '../../src/scenario/values.js';
import { formatValue } from '../model/literals.js';

/** Rows of a table shown before "… more": a grid of thousands of rows helps nobody while paused. */
const MAX_ROWS = 100;
const MAX_ITEMS = 200;
const MAX_DEPTH = 8;

type Props = { value: unknown; open?: boolean; depth?: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A value as text in one line (cells of a grid, collapsed entries). */
function inline(value: unknown): string {
  if (value === null) return 'null';
  if (value === REDACTED) return REDACTED;
  return formatValue(value);
}

/**
 * How the debugger shows a runtime value (Variables, Watch, Console): tables as grids, lists and
 * dictionaries expandable, secrets as the mask the engine sent (it never sends them).
 */
export function ValueView({ value, open = false, depth = 0 }: Props) {
  const { t } = useTranslation();
  if (value === REDACTED) return <span className="value secret">{REDACTED}</span>;
  if (depth >= MAX_DEPTH) return <span className="value">{inline(value)}</span>;
  if (isTable(value)) {
    const rows = value.rows.slice(0, MAX_ROWS);
    return (
      <details className="value-tree" open={open}>
        <summary>{t('valueView.table', { rows: value.rows.length, columns: value.columns.length })}</summary>
        <table className="value-grid" data-testid="value-grid">
          <thead>
            <tr>
              <th>#</th>
              {value.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td className="muted">{i}</td>
                {value.columns.map((c) => (
                  <td key={c}>{inline(row[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {value.rows.length > rows.length && <p className="muted">{t('valueView.more', { count: value.rows.length - rows.length })}</p>}
      </details>
    );
  }
  if (Array.isArray(value) || isRecord(value)) {
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    const shown = entries.slice(0, MAX_ITEMS);
    const label = Array.isArray(value) ? t('valueView.list', { count: entries.length }) : t('valueView.dictionary', { count: entries.length });
    return (
      <details className="value-tree" open={open}>
        <summary>
          {label} <span className="value-preview">{inline(value)}</span>
        </summary>
        <ul>
          {shown.map(([key, item]) => (
            <li key={key}>
              <span className="value-key">{key}:</span> <ValueView value={item} depth={depth + 1} />
            </li>
          ))}
        </ul>
        {entries.length > shown.length && <p className="muted">{t('valueView.more', { count: entries.length - shown.length })}</p>}
      </details>
    );
  }
  return <span className={`value value-${value === null ? 'null' : typeof value}`}>{value === undefined ? 'undefined' : inline(value)}</span>;
}
