import type { AnyBlockDefinition } from '../define.js';
import { tablesAddRow, tablesBuild } from './build.js';
import { tablesFilter, tablesLookup, tablesSort } from './query.js';
import { tablesColumnToList, tablesDistinct, tablesGroupBy, tablesJoin, tablesRowCount } from './combine.js';

/** The table blocks, in palette order. For each row, `core.forEach` takes a table directly. */
export const tablesBlocks: AnyBlockDefinition[] = [
  tablesBuild,
  tablesAddRow,
  tablesFilter,
  tablesSort,
  tablesLookup,
  tablesJoin,
  tablesGroupBy,
  tablesDistinct,
  tablesColumnToList,
  tablesRowCount,
];
