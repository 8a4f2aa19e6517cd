import { BlockError } from '../../define.js';
import { BAD_INPUT } from '../../kit/checks.js';
import { compareValues, numberOf } from '../../kit/compare.js';

export const aggregateOps = ['sum', 'count', 'avg', 'min', 'max'] as const;
export type AggregateOp = (typeof aggregateOps)[number];
export type Aggregate = { op: AggregateOp; column: string | undefined; as: string };

const spec = /^(sum|count|avg|min|max)\s*\(\s*([^)]*?)\s*\)(?:\s+as\s+(.+))?$/i;

/** Parses `sum(Сумма), count(), avg(Цена) as Средняя` into aggregates. */
export function parseAggregates(text: string): Aggregate[] {
  const parts = text.split(/,(?![^(]*\))/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new BlockError('Parameter "aggregates" is empty: write for example sum(Сумма), count()', BAD_INPUT);
  return parts.map((part) => {
    const m = spec.exec(part);
    if (!m) throw new BlockError(`Aggregate "${part}" is not understood: write sum(column), count(), avg(column), min(column) or max(column)`, BAD_INPUT);
    const op = m[1].toLowerCase() as AggregateOp;
    const column = m[2] === '' ? undefined : m[2];
    if (column === undefined && op !== 'count') throw new BlockError(`Aggregate "${part}" needs a column`, BAD_INPUT);
    return { op, column, as: m[3]?.trim() ?? `${op}(${column ?? ''})` };
  });
}

/** Computes one aggregate over a group's rows; empty cells are skipped, as spreadsheets do. */
export function aggregate(rows: Record<string, unknown>[], { op, column }: Aggregate): unknown {
  if (column === undefined) return rows.length;
  const cells = rows.map((r) => r[column]).filter((v) => v !== null && v !== undefined && v !== '');
  if (op === 'count') return cells.length;
  if (op === 'min' || op === 'max') {
    if (cells.length === 0) return null;
    return cells.reduce((best, v) => ((op === 'min' ? compareValues(v, best) < 0 : compareValues(v, best) > 0) ? v : best));
  }
  const numbers = cells.map((v) => {
    const n = numberOf(v);
    if (n === undefined) throw new BlockError(`Column "${column}" has "${String(v)}", which is not a number, so ${op}() cannot use it`, BAD_INPUT);
    return n;
  });
  const sum = numbers.reduce((a, b) => a + b, 0);
  if (op === 'sum') return sum;
  return numbers.length === 0 ? null : sum / numbers.length;
}
