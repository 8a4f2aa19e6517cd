import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT } from '../kit/checks.js';
import { valueKey } from '../kit/compare.js';
import { makeTable } from '../../scenario/values.js';
import { aggregate, parseAggregates } from './lib/aggregate.js';
import { requireColumn, requireColumns, tableOutput } from './lib/columns.js';

const tableParam = param.table({ title: { en: 'Table', ru: 'Таблица' }, required: true });

/** Keys compare numbers written as text equal to numbers, so "7" from CSV joins 7 from Excel. */
function joinKey(row: Record<string, unknown>, columns: string[]): string {
  return columns
    .map((c) => {
      const v = row[c];
      return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? valueKey(Number(v)) : valueKey(v ?? null);
    })
    .join('\u0000');
}

export const tablesJoin = defineBlock({
  type: 'tables.join',
  category: 'tables',
  title: { en: 'Join tables', ru: 'Объединить таблицы' },
  help: {
    en: 'Joins two tables on key columns, like VLOOKUP for every row. Inner keeps only matched rows; Left keeps every left row. Right columns whose names clash get the suffix " (2)".',
    ru: 'Соединяет две таблицы по ключевым столбцам — как ВПР для каждой строки. «Внутреннее» оставляет только совпавшие строки, «левое» — все строки левой таблицы. Столбцы правой таблицы с совпадающими именами получают окончание « (2)».',
  },
  params: {
    left: param.table({ title: { en: 'Left table', ru: 'Левая таблица' }, required: true }),
    right: param.table({ title: { en: 'Right table', ru: 'Правая таблица' }, required: true }),
    leftKeys: param.text({ title: { en: 'Left key columns', ru: 'Ключевые столбцы слева' }, required: true, key: true }),
    rightKeys: param.text({ title: { en: 'Right key columns', ru: 'Ключевые столбцы справа' }, help: { en: 'Empty: same names as on the left.', ru: 'Пусто — те же имена, что слева.' } }),
    kind: param.choice({
      title: { en: 'Join', ru: 'Вид' },
      default: 'inner',
      choices: [
        { value: 'inner', title: { en: 'Inner (matched rows only)', ru: 'Внутреннее (только совпавшие)' } },
        { value: 'left', title: { en: 'Left (all left rows)', ru: 'Левое (все строки слева)' } },
      ],
    }),
  },
  outputs: tableOutput,
  run(_ctx, params) {
    const left = params.left;
    const right = params.right;
    const leftKeys = requireColumns(left, 'leftKeys', params.leftKeys, 'left');
    const rightKeys = params.rightKeys ? requireColumns(right, 'rightKeys', params.rightKeys, 'right') : leftKeys.map((k) => requireColumn(right, k, 'right'));
    if (leftKeys.length !== rightKeys.length) {
      throw new BlockError(`Left has ${leftKeys.length} key column(s) but right has ${rightKeys.length}`, BAD_INPUT);
    }
    const extra = right.columns.filter((c) => !rightKeys.includes(c));
    const named = extra.map((c) => ({ from: c, to: left.columns.includes(c) ? `${c} (2)` : c }));
    const index = new Map<string, Record<string, unknown>[]>();
    for (const row of right.rows) {
      const key = joinKey(row, rightKeys);
      const bucket = index.get(key);
      if (bucket) bucket.push(row);
      else index.set(key, [row]);
    }
    const rows: Record<string, unknown>[] = [];
    for (const row of left.rows) {
      const matches = index.get(joinKey(row, leftKeys));
      if (matches) for (const match of matches) rows.push({ ...row, ...Object.fromEntries(named.map((n) => [n.to, match[n.from]])) });
      else if (params.kind === 'left') rows.push({ ...row, ...Object.fromEntries(named.map((n) => [n.to, null])) });
    }
    return { outputs: { table: makeTable([...left.columns, ...named.map((n) => n.to)], rows) } };
  },
});

export const tablesGroupBy = defineBlock({
  type: 'tables.groupBy',
  category: 'tables',
  title: { en: 'Group and total', ru: 'Сгруппировать и подсчитать' },
  help: {
    en: 'One row per distinct value of the group columns, with totals: sum(column), count(), avg(column), min(column), max(column); "as Name" names the result column.',
    ru: 'Одна строка на каждое сочетание значений столбцов группировки, с итогами: sum(столбец) — сумма, count() — количество, avg(столбец) — среднее, min/max — наименьшее/наибольшее; «as Имя» задаёт имя столбца.',
  },
  params: {
    table: tableParam,
    groupBy: param.text({ title: { en: 'Group columns', ru: 'Столбцы группировки' }, required: true, key: true, placeholder: 'Контрагент' }),
    aggregates: param.text({ title: { en: 'Totals', ru: 'Итоги' }, required: true, placeholder: 'sum(Сумма) as Итого, count() as Документов' }),
  },
  outputs: tableOutput,
  run(_ctx, params) {
    const table = params.table;
    const groupColumns = requireColumns(table, 'groupBy', params.groupBy);
    const aggregates = parseAggregates(params.aggregates);
    for (const a of aggregates) if (a.column !== undefined) requireColumn(table, a.column);
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const row of table.rows) {
      const key = joinKey(row, groupColumns);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    const rows = [...groups.values()].map((members) => ({
      ...Object.fromEntries(groupColumns.map((c) => [c, members[0][c] ?? null])),
      ...Object.fromEntries(aggregates.map((a) => [a.as, aggregate(members, a)])),
    }));
    return { outputs: { table: makeTable([...groupColumns, ...aggregates.map((a) => a.as)], rows) } };
  },
});

export const tablesDistinct = defineBlock({
  type: 'tables.distinct',
  category: 'tables',
  title: { en: 'Remove duplicate rows', ru: 'Убрать повторяющиеся строки' },
  help: {
    en: 'Keeps the first of equal rows. With columns given, the result has only those columns, one row per distinct combination.',
    ru: 'Оставляет первую из одинаковых строк. Если указаны столбцы, в результате будут только они — по строке на каждое сочетание значений.',
  },
  params: { table: tableParam, columns: param.text({ title: { en: 'Columns (empty: all)', ru: 'Столбцы (пусто — все)' }, key: true }) },
  outputs: tableOutput,
  run(_ctx, params) {
    const table = params.table;
    const columns = params.columns ? requireColumns(table, 'columns', params.columns) : table.columns;
    const seen = new Set<string>();
    const rows: Record<string, unknown>[] = [];
    for (const row of table.rows) {
      const key = joinKey(row, columns);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
    }
    return { outputs: { table: makeTable(columns, rows) } };
  },
});

export const tablesColumnToList = defineBlock({
  type: 'tables.columnToList',
  category: 'tables',
  title: { en: 'Column to list', ru: 'Столбец в список' },
  help: { en: 'Gives the values of one column as a list, top to bottom.', ru: 'Возвращает значения одного столбца списком, сверху вниз.' },
  params: { table: tableParam, column: param.text({ title: { en: 'Column', ru: 'Столбец' }, required: true, key: true }) },
  outputs: { list: { type: 'list', title: { en: 'Values', ru: 'Значения' } } },
  run(_ctx, params) {
    const table = params.table;
    const column = requireColumn(table, params.column);
    return { outputs: { list: table.rows.map((r) => r[column] ?? null) } };
  },
});

export const tablesRowCount = defineBlock({
  type: 'tables.rowCount',
  category: 'tables',
  title: { en: 'Row count', ru: 'Количество строк' },
  help: { en: 'Counts the rows of a table.', ru: 'Считает строки таблицы.' },
  params: { table: { ...tableParam, key: true } },
  outputs: { count: { type: 'number', title: { en: 'Rows', ru: 'Строк' } } },
  run(_ctx, params) {
    return { outputs: { count: params.table.rows.length } };
  },
});
