import { BlockError, defineBlock, param } from '../define.js';
import { asNameList, BAD_INPUT } from '../kit/checks.js';
import { compareAsParam, compareValues } from '../kit/compare.js';
import { operators, operatorTitles, testCell, type Operator } from './lib/conditions.js';
import { compileRowExpression } from './lib/rowExpression.js';
import { requireColumn, tableOutput } from './lib/columns.js';

const tableParam = param.table({ title: { en: 'Table', ru: 'Таблица' }, required: true });

export const tablesFilter = defineBlock({
  type: 'tables.filter',
  category: 'tables',
  title: { en: 'Filter rows', ru: 'Отфильтровать строки' },
  help: {
    en: 'Keeps the rows that pass: either a column compared with a value, or a condition in JavaScript over `row` (for example row.Сумма > 1000 && row.Статус === "Оплачен").',
    ru: 'Оставляет строки, которые проходят проверку: столбец сравнивается со значением, или условие на JavaScript над `row` (например row.Сумма > 1000 && row.Статус === "Оплачен").',
  },
  params: {
    table: tableParam,
    mode: param.choice({
      title: { en: 'Filter by', ru: 'Как фильтровать' },
      default: 'column',
      choices: [
        { value: 'column', title: { en: 'Column and value', ru: 'Столбец и значение' } },
        { value: 'condition', title: { en: 'Condition (JavaScript)', ru: 'Условие (JavaScript)' } },
      ],
    }),
    column: param.text({ title: { en: 'Column', ru: 'Столбец' }, key: true }),
    operator: param.choice<Operator>({
      title: { en: 'Operator', ru: 'Сравнение' },
      default: '=',
      choices: operators.map((value) => ({ value, title: operatorTitles[value] })),
    }),
    value: param.any({ title: { en: 'Value', ru: 'Значение' } }),
    condition: param.code({ title: { en: 'Condition', ru: 'Условие' }, language: 'javascript', placeholder: 'row.Сумма > 1000' }),
  },
  outputs: tableOutput,
  run(ctx, params) {
    const table = params.table;
    let keep: (row: Record<string, unknown>, index: number) => boolean;
    if (params.mode === 'condition') {
      const source = (params.condition ?? '').trim();
      if (source === '') throw new BlockError('Parameter "condition" is empty: write a condition over row', BAD_INPUT);
      const test = compileRowExpression(source, ctx.vars);
      keep = (row, index) => Boolean(test(row, index));
    } else {
      const column = requireColumn(table, params.column ?? '');
      const operator = params.operator ?? '=';
      if (!operators.includes(operator)) throw new BlockError(`Operator "${String(operator)}" is not known`, BAD_INPUT);
      keep = (row) => testCell(row[column], operator, params.value);
    }
    return { outputs: { table: { ...table, rows: table.rows.filter(keep) } } };
  },
});

export const tablesSort = defineBlock({
  type: 'tables.sort',
  category: 'tables',
  title: { en: 'Sort table', ru: 'Сортировать таблицу' },
  help: {
    en: 'Sorts rows by one or more columns. Add "desc" after a column name to sort it descending ("Дата desc, Сумма"). Numbers and dates written as text sort by value.',
    ru: 'Сортирует строки по одному или нескольким столбцам. Допишите «desc» после имени столбца для сортировки по убыванию («Дата desc, Сумма»). Числа и даты, записанные текстом, упорядочиваются по значению.',
  },
  params: {
    table: tableParam,
    columns: param.text({ title: { en: 'Columns', ru: 'Столбцы' }, required: true, key: true, placeholder: 'Дата desc, Сумма' }),
    as: compareAsParam,
  },
  outputs: tableOutput,
  run(_ctx, params) {
    const table = params.table;
    const keys = asNameList('columns', params.columns).map((spec) => {
      const m = /^(.*?)\s+(asc|desc)$/i.exec(spec);
      const column = requireColumn(table, m ? m[1] : spec);
      return { column, sign: m?.[2]!.toLowerCase() === 'desc' ? -1 : 1 };
    });
    const as = params.as ?? 'auto';
    const rows = [...table.rows].sort((a, b) => {
      for (const { column, sign } of keys) {
        const order = compareValues(a[column], b[column], as);
        if (order !== 0) return sign * order;
      }
      return 0;
    });
    return { outputs: { table: { ...table, rows } } };
  },
});

export const tablesLookup = defineBlock({
  type: 'tables.lookup',
  category: 'tables',
  title: { en: 'Find row', ru: 'Найти строку' },
  help: {
    en: 'Finds the first row whose column equals the value ("10" equals 10). Outputs the row as a dictionary, whether it was found and its position (-1 if not).',
    ru: 'Находит первую строку, в которой столбец равен значению («10» равно 10). Возвращает строку как словарь, признак «найдено» и её позицию (-1, если не найдена).',
  },
  params: {
    table: tableParam,
    column: param.text({ title: { en: 'Column', ru: 'Столбец' }, required: true, key: true }),
    value: param.any({ title: { en: 'Value', ru: 'Значение' }, required: true }),
  },
  outputs: {
    row: { type: 'dictionary', title: { en: 'Row', ru: 'Строка' } },
    found: { type: 'boolean', title: { en: 'Found', ru: 'Найдено' } },
    index: { type: 'number', title: { en: 'Position', ru: 'Позиция' } },
  },
  run(_ctx, params) {
    const table = params.table;
    const column = requireColumn(table, params.column);
    const index = table.rows.findIndex((row) => testCell(row[column], '=', params.value));
    return { outputs: { row: index >= 0 ? { ...table.rows[index] } : null, found: index >= 0, index } };
  },
});
