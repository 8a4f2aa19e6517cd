import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTable, type Table } from '../../scenario/values.js';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import { excelAddSheet, excelCreate, excelListSheets, excelOpen, excelSave } from './workbook.js';
import { excelReadRange, excelReadSheet } from './read.js';
import { excelWriteCell, excelWriteTable, excelWriteTableToFile } from './write.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(async () => h.close());

const out = async (block: Parameters<Harness['run']>[0], params: Record<string, unknown>) =>
  ((await h.run(block, params)) as { outputs: Record<string, unknown> } | undefined)?.outputs ?? {};

/** A workbook as Excel itself would save it: a title row above the data, a formula with its cached result. */
async function makeInvoices(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Счета');
  book.addWorksheet('Пусто');
  sheet.getCell('A1').value = 'Реестр';
  sheet.addRow([]);
  sheet.getRow(3).values = ['Документ', 'Дата', 'Сумма', 'С НДС'];
  sheet.getRow(4).values = ['Счёт-фактура №1', new Date(Date.UTC(2024, 0, 15)), 100, { formula: 'C4*1.2', result: 120 }];
  sheet.getRow(5).values = ['Акт сверки', new Date(Date.UTC(2024, 1, 29, 9, 30)), 250.5, { formula: 'C5*1.2', result: 300.6 }];
  await book.xlsx.writeFile(path);
}

const expected = makeTable(['Документ', 'Дата', 'Сумма', 'С НДС'], [
  { Документ: 'Счёт-фактура №1', Дата: new Date(2024, 0, 15), Сумма: 100, 'С НДС': 120 },
  { Документ: 'Акт сверки', Дата: new Date(2024, 1, 29, 9, 30), Сумма: 250.5, 'С НДС': 300.6 },
]);

describe('reading Excel', () => {
  it('reads a range into a table: Cyrillic text, local dates, numbers and cached formula results', async () => {
    await makeInvoices(join(h.projectDir, 'счета.xlsx'));
    const { table } = await out(excelReadSheet, { path: 'счета.xlsx', sheet: 'Счета', range: 'A3:D5' });
    expect(table).toEqual(expected);
  });

  it('reads the used area of the first sheet, without header as lettered columns', async () => {
    await makeInvoices(join(h.projectDir, 'счета.xlsx'));
    const { table } = (await out(excelReadSheet, { path: 'счета.xlsx', header: false })) as { table: Table };
    expect(table.columns).toEqual(['A', 'B', 'C', 'D']);
    expect(table.rows.map((r) => r.A)).toEqual(['Реестр', 'Документ', 'Счёт-фактура №1', 'Акт сверки']);
  });

  it('names a missing sheet, a missing file, a damaged file and a bad range', async () => {
    await makeInvoices(join(h.projectDir, 'счета.xlsx'));
    await expectBlockError(h.run(excelReadSheet, { path: 'счета.xlsx', sheet: 'Sheet1' }), /Sheet "Sheet1" is not in workbook ".*счета\.xlsx" \(sheets: Счета, Пусто\)/, 'SHEET_NOT_FOUND');
    await expectBlockError(h.run(excelReadSheet, { path: 'нет.xlsx' }), /Cannot open the workbook: ".*нет\.xlsx" does not exist/, 'ENOENT');
    await writeFile(join(h.projectDir, 'fake.xlsx'), 'plain text');
    await expectBlockError(h.run(excelReadSheet, { path: 'fake.xlsx' }), /"[^"]*fake\.xlsx": it is not an \.xlsx file or is damaged/, 'BAD_XLSX');
    await expectBlockError(h.run(excelReadSheet, { path: 'счета.xlsx', range: 'A1-D5' }), /Cell address "A1-D5" is not valid/);
  });
});

describe('writing Excel', () => {
  it('writes a table to a file and reads back an equal table', async () => {
    await out(excelWriteTableToFile, { table: expected, path: 'out/отчёт.xlsx', sheet: 'Отчёт' });
    expect(await out(excelReadSheet, { path: 'out/отчёт.xlsx', sheet: 'Отчёт' })).toEqual({ table: expected });
    // Writing again replaces that sheet only and keeps the others.
    await out(excelWriteTableToFile, { table: expected, path: 'out/отчёт.xlsx', sheet: 'Копия' });
    const smaller = makeTable(['Документ'], [{ Документ: 'один' }]);
    await out(excelWriteTableToFile, { table: smaller, path: 'out/отчёт.xlsx', sheet: 'ОТЧЁТ' });
    expect(await out(excelReadSheet, { path: 'out/отчёт.xlsx', sheet: 'Отчёт' })).toEqual({ table: smaller });
    expect(await out(excelReadSheet, { path: 'out/отчёт.xlsx', sheet: 'Копия' })).toEqual({ table: expected });
  });

  it('opens, edits cells and sheets, saves as another file; the handle dies with the run', async () => {
    await makeInvoices(join(h.projectDir, 'счета.xlsx'));
    const { workbook } = await out(excelOpen, { path: 'счета.xlsx' });
    expect(await out(excelListSheets, { workbook })).toEqual({ sheets: ['Счета', 'Пусто'] });
    expect(await out(excelReadRange, { workbook, sheet: 'Счета', range: 'D5:A3' })).toEqual({ table: expected });
    expect(await out(excelReadRange, { workbook, sheet: 'Пусто' })).toEqual({ table: makeTable([]) });
    await expectBlockError(h.run(excelReadRange, { workbook, sheet: 'Итоги' }), /Sheet "Итоги" is not in workbook/, 'SHEET_NOT_FOUND');
    expect(JSON.parse(JSON.stringify(workbook))).toEqual({ kind: 'workbook', path: join(h.projectDir, 'счета.xlsx'), sheets: ['Счета', 'Пусто'] });
    await out(excelWriteCell, { workbook, sheet: 'Счета', cell: 'E3', value: 'Оплачен' });
    await out(excelWriteCell, { workbook, sheet: 'Счета', cell: 'E4', value: [[true], [false]] });
    await out(excelAddSheet, { workbook, name: 'Итоги' });
    expect(await out(excelWriteTable, { workbook, sheet: 'Итоги', table: expected, start: 'B2' })).toEqual({ rows: 3 });
    expect(await out(excelSave, { workbook, path: 'копия.xlsx' })).toEqual({ path: join(h.projectDir, 'копия.xlsx') });

    const { table } = await out(excelReadSheet, { path: 'копия.xlsx', sheet: 'Счета', range: 'A3:E5' });
    expect((table as Table).rows.map((r) => r['Оплачен'])).toEqual([true, false]);
    expect(await out(excelReadSheet, { path: 'копия.xlsx', sheet: 'Итоги' })).toEqual({ table: expected });
    const { table: original } = await out(excelReadSheet, { path: 'счета.xlsx', sheet: 'Счета', range: 'A3:E5' });
    expect((original as Table).columns).toEqual(['Документ', 'Дата', 'Сумма', 'С НДС', 'E']);

    await h.close();
    h = await createHarness();
    await expectBlockError(h.run(excelListSheets, { workbook }), /Workbook ".*копия\.xlsx" was already closed/, 'WORKBOOK_CLOSED');
  });

  it('creates a new workbook and saves it to its path', async () => {
    const { workbook } = await out(excelCreate, { path: 'new/книга.xlsx', sheet: 'Данные' });
    await out(excelWriteCell, { workbook, cell: 'A1', value: 'Привет' });
    await out(excelSave, { workbook });
    const { table } = await out(excelReadSheet, { path: 'new/книга.xlsx', header: false });
    expect(table).toEqual(makeTable(['A'], [{ A: 'Привет' }]));
  });

  it('rejects a non-workbook, bad sheet names, duplicate sheets, a bad cell and a flat list value', async () => {
    await expectBlockError(h.run(excelListSheets, { workbook: 'книга.xlsx' }), /"workbook" must be a workbook from "Open workbook"/);
    await expectBlockError(h.run(excelOpen, { path: 'нет.xlsx' }), /Cannot open the workbook: ".*нет\.xlsx" does not exist/, 'ENOENT');
    await writeFile(join(h.projectDir, 'fake.xlsx'), 'plain text');
    await expectBlockError(h.run(excelOpen, { path: 'fake.xlsx' }), /it is not an \.xlsx file or is damaged/, 'BAD_XLSX');
    await expectBlockError(h.run(excelSave, { workbook: { kind: 'table' } }), /"workbook" must be a workbook/);
    await expectBlockError(h.run(excelCreate, { path: 'x.xlsx', sheet: 'a/b' }), /Sheet name "a\/b" is not allowed/);
    const { workbook } = await out(excelCreate, { path: 'x.xlsx', sheet: 'Лист1' });
    await expectBlockError(h.run(excelAddSheet, { workbook, name: 'лист1' }), /Sheet "лист1" already exists/, 'SHEET_EXISTS');
    await expectBlockError(h.run(excelSave, { workbook, path: 'fake.xlsx/inside.xlsx' }), /Cannot save the workbook to: ".*fake\.xlsx.inside\.xlsx"/);
    await expectBlockError(h.run(excelWriteCell, { workbook, cell: '1A', value: 1 }), /Cell address "1A" is not valid/);
    await expectBlockError(h.run(excelWriteCell, { workbook, cell: 'A1', value: [1, 2] }), /"value" is a list/);
    await expectBlockError(h.run(excelWriteCell, { workbook, sheet: 'Нет', cell: 'A1', value: 1 }), /Sheet "Нет" is not in workbook/, 'SHEET_NOT_FOUND');
    await expectParamError(h.run(excelWriteTable, { workbook, sheet: 'S', table: { columns: [] } }), 'table', /expects table, got dictionary/);
    await expectParamError(h.run(excelWriteTableToFile, { table: 5, path: 'y.xlsx' }), 'table', /expects table, got number/);
  });
});
