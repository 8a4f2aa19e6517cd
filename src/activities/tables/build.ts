import { BlockError, defineBlock, param } from '../define.js';
import { asList, asNameList, BAD_INPUT, describeValue, isDictionary } from '../kit/checks.js';
import { makeTable, type Table } from '../../scenario/values.js';
import { requireColumn, tableOutput } from './lib/columns.js';

/** A row given as a dictionary (by column name) or a list (in column order). */
function toRow(table: Table, value: unknown, what: string): Record<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length > table.columns.length) {
      throw new BlockError(`${what} has ${value.length} values, but the table has ${table.columns.length} columns`, BAD_INPUT);
    }
    return Object.fromEntries(table.columns.map((c, i) => [c, value[i] ?? null]));
  }
  if (isDictionary(value)) {
    for (const key of Object.keys(value)) requireColumn(table, key);
    return Object.fromEntries(table.columns.map((c) => [c, value[c] ?? null]));
  }
  throw new BlockError(`${what} must be a dictionary or a list, but it is ${describeValue(value)}`, BAD_INPUT);
}

export const tablesBuild = defineBlock({
  type: 'tables.build',
  category: 'tables',
  title: { en: 'Create table', ru: 'Создать таблицу' },
  help: {
    en: 'Creates a table with the given columns and, optionally, rows (each a dictionary by column name or a list in column order).',
    ru: 'Создаёт таблицу с указанными столбцами и, если нужно, строками (каждая — словарь по именам столбцов или список в порядке столбцов).',
  },
  params: {
    // The Designer edits a list as JSON (a textarea), so the placeholder shows a JSON list, not comma-separated text.
    columns: param.list<string>({ title: { en: 'Columns', ru: 'Столбцы' }, required: true, key: true, placeholder: '["Номер", "Дата", "Сумма"]' }),
    rows: param.expression<unknown[]>({ title: { en: 'Rows', ru: 'Строки' } }),
  },
  outputs: tableOutput,
  run(_ctx, params) {
    const columns = asNameList('columns', params.columns);
    const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
    if (duplicate !== undefined) throw new BlockError(`Column "${duplicate}" is listed twice`, BAD_INPUT);
    const table = makeTable(columns);
    const rows = params.rows === undefined || params.rows === null ? [] : asList('rows', params.rows);
    table.rows = rows.map((row, i) => toRow(table, row, `Row ${i + 1}`));
    return { outputs: { table } };
  },
});

export const tablesAddRow = defineBlock({
  type: 'tables.addRow',
  category: 'tables',
  title: { en: 'Add row', ru: 'Добавить строку' },
  help: {
    en: 'Adds a row at the end of a table: a dictionary by column name (missing columns stay empty) or a list in column order.',
    ru: 'Добавляет строку в конец таблицы: словарь по именам столбцов (недостающие останутся пустыми) или список в порядке столбцов.',
  },
  params: {
    table: param.table({ title: { en: 'Table', ru: 'Таблица' }, required: true }),
    row: param.expression({ title: { en: 'Row', ru: 'Строка' }, required: true, key: true }),
  },
  outputs: tableOutput,
  run(_ctx, params) {
    const table = params.table;
    return { outputs: { table: { ...table, rows: [...table.rows, toRow(table, params.row, 'Parameter "row"')] } } };
  },
});
