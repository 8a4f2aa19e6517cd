import { BlockError } from '../../define.js';
import { asNameList } from '../../kit/checks.js';
import type { Table } from '../../../scenario/values.js';

export const COLUMN_NOT_FOUND = 'COLUMN_NOT_FOUND';

/** Fails with the table's real column names when `name` is not one of them. */
export function requireColumn(table: Table, name: string, tableName = 'table'): string {
  if (table.columns.includes(name)) return name;
  throw new BlockError(
    `Column "${name}" is not in ${tableName === 'table' ? 'the table' : `table "${tableName}"`} (columns: ${table.columns.join(', ') || 'none'})`,
    COLUMN_NOT_FOUND,
  );
}

export function requireColumns(table: Table, param: string, value: unknown, tableName = 'table'): string[] {
  return asNameList(param, value).map((name) => requireColumn(table, name, tableName));
}

export const tableOutput = { table: { type: 'table' as const, title: { en: 'Table', ru: 'Таблица' } } };
