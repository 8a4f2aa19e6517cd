import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTable, type Table } from '../../scenario/values.js';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import { tablesAddRow, tablesBuild } from './build.js';
import { tablesFilter, tablesLookup, tablesSort } from './query.js';
import { tablesColumnToList, tablesDistinct, tablesGroupBy, tablesJoin, tablesRowCount } from './combine.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(async () => h.close());

const table = async (block: Parameters<Harness['run']>[0], params: Record<string, unknown>) =>
  ((await h.run(block, params)) as { outputs: { table: Table } }).outputs.table;

// Values as they arrive from CSV (text) and Excel (numbers, dates) mixed on purpose.
const invoices = makeTable(
  ['Номер', 'Контрагент', 'Сумма', 'Дата'],
  [
    { Номер: 1, Контрагент: 'Ромашка', Сумма: '1 200,50', Дата: '02.01.2024' },
    { Номер: 2, Контрагент: 'Лютик', Сумма: 900, Дата: '31.12.2023' },
    { Номер: 3, Контрагент: 'Ромашка', Сумма: '10', Дата: new Date(2024, 0, 15) },
    { Номер: 4, Контрагент: 'Астра', Сумма: '', Дата: '' },
  ],
);

describe('build and add rows', () => {
  it('creates a table from columns and rows given as dictionaries or lists, then adds rows', async () => {
    const built = await table(tablesBuild, { columns: ['Имя', ' Возраст'], rows: [{ Имя: 'Анна', Возраст: 30 }, ['Борис']] });
    expect(built).toEqual(makeTable(['Имя', 'Возраст'], [{ Имя: 'Анна', Возраст: 30 }, { Имя: 'Борис', Возраст: null }]));
    const added = await table(tablesAddRow, { table: built, row: { Возраст: 41 } });
    expect(added.rows).toHaveLength(3);
    expect(added.rows[2]).toEqual({ Имя: null, Возраст: 41 });
    expect(built.rows).toHaveLength(2);
  });

  it('takes the columns placeholder, typed as the Designer shows it (a JSON list), as those columns', async () => {
    const placeholder = tablesBuild.params.columns.placeholder ?? '';
    const built = await table(tablesBuild, { columns: JSON.parse(placeholder) as unknown });
    expect(built.columns).toEqual(['Номер', 'Дата', 'Сумма']);
  });

  it('rejects duplicate columns, unknown columns, too-long rows and non-tables', async () => {
    await expectBlockError(h.run(tablesBuild, { columns: ['a', 'a'] }), /Column "a" is listed twice/);
    await expectBlockError(h.run(tablesBuild, { columns: [] }), /must name at least one column/);
    await expectBlockError(h.run(tablesBuild, { columns: ['a'], rows: [[1, 2]] }), /Row 1 has 2 values, but the table has 1 columns/);
    await expectBlockError(h.run(tablesAddRow, { table: invoices, row: { Сумм: 1 } }), /Column "Сумм" is not in the table \(columns: Номер, Контрагент, Сумма, Дата\)/, 'COLUMN_NOT_FOUND');
    await expectParamError(h.run(tablesAddRow, { table: [], row: {} }), 'table', /expects table, got list/);
    await expectBlockError(h.run(tablesAddRow, { table: invoices, row: 5 }), /"row" must be a dictionary or a list, but it is a number/);
  });
});

describe('filter, sort, lookup', () => {
  it('filters by column operator value, numeric and date aware', async () => {
    expect((await table(tablesFilter, { table: invoices, column: 'Сумма', operator: '>', value: 100 })).rows.map((r) => r.Номер)).toEqual([1, 2]);
    expect((await table(tablesFilter, { table: invoices, column: 'Дата', operator: '>=', value: new Date(2024, 0, 1) })).rows.map((r) => r.Номер)).toEqual([1, 3]);
    expect((await table(tablesFilter, { table: invoices, column: 'Контрагент', operator: 'contains', value: 'РОМ' })).rows).toHaveLength(2);
    expect((await table(tablesFilter, { table: invoices, column: 'Сумма', operator: 'isEmpty' })).rows.map((r) => r.Номер)).toEqual([4]);
  });

  it('filters by a JavaScript condition over row with scenario variables in scope', async () => {
    h.vars.set('who', 'Ромашка');
    const result = await table(tablesFilter, { table: invoices, mode: 'condition', condition: 'row.Контрагент === who && Number(row.Номер) > index' });
    expect(result.rows.map((r) => r.Номер)).toEqual([1, 3]);
  });

  it('sorts by several columns, numbers and dates written as text by value', async () => {
    const byDate = await table(tablesSort, { table: invoices, columns: 'Дата' });
    expect(byDate.rows.map((r) => r.Номер)).toEqual([2, 1, 3, 4]);
    const byName = await table(tablesSort, { table: invoices, columns: 'Контрагент, Сумма desc' });
    expect(byName.rows.map((r) => r.Номер)).toEqual([4, 2, 1, 3]);
  });

  it('looks up the first matching row, "2" matching 2', async () => {
    expect(await h.run(tablesLookup, { table: invoices, column: 'Номер', value: '2' })).toEqual({
      outputs: { row: invoices.rows[1], found: true, index: 1 },
    });
    expect(await h.run(tablesLookup, { table: invoices, column: 'Номер', value: 99 })).toEqual({ outputs: { row: null, found: false, index: -1 } });
  });

  it('names unknown columns, bad conditions and failing conditions', async () => {
    await expectBlockError(h.run(tablesFilter, { table: invoices, column: 'Нет', value: 1 }), /Column "Нет" is not in the table/);
    await expectBlockError(h.run(tablesFilter, { table: invoices, mode: 'condition', condition: 'row.Сумма >' }), /Condition "row.Сумма >" is not a valid expression/, 'BAD_EXPRESSION');
    await expectBlockError(h.run(tablesFilter, { table: invoices, mode: 'condition', condition: 'row.x.y' }), /failed on row 1/);
    await expectBlockError(h.run(tablesFilter, { table: invoices, mode: 'condition', condition: ' ' }), /"condition" is empty/);
    await expectBlockError(h.run(tablesSort, { table: invoices, columns: 'Дата desc, Цена' }), /Column "Цена" is not in the table/);
    await expectParamError(h.run(tablesLookup, { table: 'x', column: 'a', value: 1 }), 'table', /expects table, got text/);
  });
});

describe('join, group, distinct, column, count', () => {
  const clients = makeTable(['Контрагент', 'ИНН', 'Сумма'], [
    { Контрагент: 'Ромашка', ИНН: '7701', Сумма: 'limit' },
    { Контрагент: 'Лютик', ИНН: '7702', Сумма: 'none' },
  ]);

  it('joins inner and left, suffixing clashing right columns', async () => {
    const inner = await table(tablesJoin, { left: invoices, right: clients, leftKeys: 'Контрагент' });
    expect(inner.columns).toEqual(['Номер', 'Контрагент', 'Сумма', 'Дата', 'ИНН', 'Сумма (2)']);
    expect(inner.rows.map((r) => [r.Номер, r.ИНН])).toEqual([[1, '7701'], [2, '7702'], [3, '7701']]);
    const left = await table(tablesJoin, { left: invoices, right: clients, leftKeys: 'Контрагент', kind: 'left' });
    expect(left.rows[3]).toMatchObject({ Номер: 4, ИНН: null });
  });

  it('groups with sum, count, avg, min and max; skips empty cells', async () => {
    const grouped = await table(tablesGroupBy, {
      table: invoices,
      groupBy: 'Контрагент',
      aggregates: 'sum(Сумма) as Итого, count(), avg(Сумма), min(Дата), max(Номер) as Последний',
    });
    expect(grouped.columns).toEqual(['Контрагент', 'Итого', 'count()', 'avg(Сумма)', 'min(Дата)', 'Последний']);
    expect(grouped.rows[0]).toEqual({ Контрагент: 'Ромашка', Итого: 1210.5, 'count()': 2, 'avg(Сумма)': 605.25, 'min(Дата)': '02.01.2024', Последний: 3 });
    expect(grouped.rows[2]).toEqual({ Контрагент: 'Астра', Итого: 0, 'count()': 1, 'avg(Сумма)': null, 'min(Дата)': null, Последний: 4 });
  });

  it('removes duplicate rows, lists a column and counts rows', async () => {
    expect(await table(tablesDistinct, { table: invoices, columns: 'Контрагент' })).toEqual(
      makeTable(['Контрагент'], [{ Контрагент: 'Ромашка' }, { Контрагент: 'Лютик' }, { Контрагент: 'Астра' }]),
    );
    expect(await h.run(tablesColumnToList, { table: invoices, column: 'Номер' })).toEqual({ outputs: { list: [1, 2, 3, 4] } });
    expect(await h.run(tablesRowCount, { table: invoices })).toEqual({ outputs: { count: 4 } });
  });

  it('names bad keys, bad totals, non-numeric sums and non-tables', async () => {
    await expectBlockError(h.run(tablesJoin, { left: invoices, right: clients, leftKeys: 'Номер' }), /Column "Номер" is not in table "right"/);
    await expectBlockError(h.run(tablesJoin, { left: invoices, right: clients, leftKeys: 'Контрагент', rightKeys: 'Контрагент, ИНН' }), /Left has 1 key column\(s\) but right has 2/);
    await expectBlockError(h.run(tablesGroupBy, { table: invoices, groupBy: 'Контрагент', aggregates: 'total(Сумма)' }), /Aggregate "total\(Сумма\)" is not understood/);
    await expectBlockError(h.run(tablesGroupBy, { table: clients, groupBy: 'ИНН', aggregates: 'sum(Сумма)' }), /Column "Сумма" has "limit", which is not a number/);
    await expectBlockError(h.run(tablesDistinct, { table: invoices, columns: 'Нет' }), /Column "Нет" is not in the table/);
    await expectBlockError(h.run(tablesColumnToList, { table: invoices, column: 'Нет' }), /Column "Нет"/);
    await expectParamError(h.run(tablesRowCount, { table: { rows: [] } }), 'table', /expects table, got dictionary/);
  });
});
