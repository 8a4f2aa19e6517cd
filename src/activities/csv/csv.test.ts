import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTable, type Table } from '../../scenario/values.js';
import { createHarness, expectBlockError, expectParamError, type Harness } from '../testing/harness.js';
import { csvRead, csvWrite } from './csv.js';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(async () => h.close());

const read = async (params: Record<string, unknown>) => ((await h.run(csvRead, params)) as { outputs: { table: Table } }).outputs.table;

describe('csv.read', () => {
  it('reads RFC 4180: quoted delimiters, escaped quotes, line breaks in fields, CRLF, blank lines', async () => {
    const text = 'Номер,Комментарий,Сумма\r\n1,"Поставка, январь","1,5"\r\n\r\n2,"Он сказал ""да""\r\nи ушёл",\r\n3,"",7';
    await writeFile(join(h.projectDir, 'in.csv'), text);
    const table = await read({ path: 'in.csv', delimiter: ',' });
    expect(await read({ path: 'in.csv' })).toEqual(table);
    expect(table).toEqual(
      makeTable(['Номер', 'Комментарий', 'Сумма'], [
        { Номер: '1', Комментарий: 'Поставка, январь', Сумма: '1,5' },
        { Номер: '2', Комментарий: 'Он сказал "да"\r\nи ушёл', Сумма: '' },
        { Номер: '3', Комментарий: '', Сумма: '7' },
      ]),
    );
  });

  it('reads mixed line ends and names the line a record starts on when it has too many fields', async () => {
    await writeFile(join(h.projectDir, 'mixed.csv'), 'Имя;Сумма\n"Ivanov, Ivan";1\r\n"Петров\nПётр";2\r3;4;5\n');
    await expectBlockError(h.run(csvRead, { path: 'mixed.csv' }), /mixed\.csv, line 5: 3 fields, but the header has 2 columns/, 'BAD_CSV');
    await writeFile(join(h.projectDir, 'mixed.csv'), 'Имя;Сумма\n"Ivanov, Ivan";1\r\n"Петров\nПётр";2\r3;4\n');
    expect(await read({ path: 'mixed.csv' })).toEqual(
      makeTable(['Имя', 'Сумма'], [{ Имя: 'Ivanov, Ivan', Сумма: '1' }, { Имя: 'Петров\nПётр', Сумма: '2' }, { Имя: '3', Сумма: '4' }]),
    );
  });

  it('reads without a header, detecting the tab delimiter, UTF-8 with BOM', async () => {
    await writeFile(join(h.projectDir, 't.tsv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('а\tб\nв\tг\n')]));
    expect(await read({ path: 't.tsv', header: false })).toEqual(
      makeTable(['Column1', 'Column2'], [{ Column1: 'а', Column2: 'б' }, { Column1: 'в', Column2: 'г' }]),
    );
  });

  it('reads a 200,000-row export (more rows than a spread call takes as arguments)', async () => {
    await writeFile(join(h.projectDir, 'big.csv'), 'Номер;Сумма\n' + Array.from({ length: 200_000 }, (_v, i) => `${i};"${i},5"`).join('\r\n'));
    const table = await read({ path: 'big.csv', header: false });
    expect(table.columns).toEqual(['Column1', 'Column2']);
    expect(table.rows).toHaveLength(200_001);
    expect(table.rows[200_000]).toEqual({ Column1: '199999', Column2: '199999,5' });
  });

  it('names the file and line of broken CSV and rejects missing files and bad delimiters', async () => {
    await writeFile(join(h.projectDir, 'open.csv'), 'a;b\n1;"never closed\n2;3');
    await expectBlockError(h.run(csvRead, { path: 'open.csv' }), /open\.csv: CSV line 2: a quoted field is never closed/, 'BAD_CSV');
    await writeFile(join(h.projectDir, 'wide.csv'), 'a;b\n1;2;3\n');
    await expectBlockError(h.run(csvRead, { path: 'wide.csv' }), /wide\.csv, line 2: 3 fields, but the header has 2 columns/);
    await writeFile(join(h.projectDir, 'stray.csv'), 'a;b\n1;x"y\n');
    await expectBlockError(h.run(csvRead, { path: 'stray.csv' }), /CSV line 2: a quote inside an unquoted field/);
    await writeFile(join(h.projectDir, 'after.csv'), 'a;b\n"x"y;1\n');
    await expectBlockError(h.run(csvRead, { path: 'after.csv' }), /CSV line 2: unexpected "y" after a closing quote/);
    await expectBlockError(h.run(csvRead, { path: 'missing.csv' }), /Cannot read the CSV file: ".*missing\.csv" does not exist/, 'ENOENT');
    await expectParamError(h.run(csvRead, { path: 'open.csv', delimiter: '::' }), 'delimiter', /must be one of auto, ;, ,, \t, got "::"/);
  });
});

describe('csv.write', () => {
  const table = makeTable(['Документ', 'Дата', 'Сумма', 'Примечание'], [
    { Документ: 'Счёт-фактура №1', Дата: new Date(2024, 0, 15), Сумма: 1234.5, Примечание: 'с ; и "кавычками"' },
    { Документ: 'Акт', Дата: null, Сумма: 10, Примечание: 'две\nстроки' },
  ]);

  it('round-trips a Cyrillic table through ";" + Windows-1251 byte-exactly', async () => {
    await h.run(csvWrite, { table, path: 'out/export.csv', delimiter: ';', encoding: 'windows-1251' });
    const bytes = await readFile(join(h.projectDir, 'out', 'export.csv'));
    const expected =
      'Документ;Дата;Сумма;Примечание\r\nСчёт-фактура №1;15.01.2024;1234,5;"с ; и ""кавычками"""\r\nАкт;;10;"две\nстроки"\r\n';
    expect(bytes.equals(iconv.encode(expected, 'win1251'))).toBe(true);
    const back = await read({ path: 'out/export.csv', delimiter: ';', encoding: 'windows-1251' });
    expect(back.columns).toEqual(table.columns);
    expect(back.rows).toEqual([
      { Документ: 'Счёт-фактура №1', Дата: '15.01.2024', Сумма: '1234,5', Примечание: 'с ; и "кавычками"' },
      { Документ: 'Акт', Дата: '', Сумма: '10', Примечание: 'две\nстроки' },
    ]);
  });

  it('writes UTF-8 with BOM by default, comma-delimited with a decimal point, without header', async () => {
    await h.run(csvWrite, { table, path: 'plain.csv', delimiter: ',', decimal: '.', header: false });
    const bytes = await readFile(join(h.projectDir, 'plain.csv'));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('Счёт-фактура №1,15.01.2024,1234.5,"с ; и ""кавычками"""');
  });

  it('rejects a non-table, a clash of delimiter and decimal mark, and an unknown encoding', async () => {
    await expectParamError(h.run(csvWrite, { table: [[1]], path: 'x.csv' }), 'table', /expects table, got list/);
    await expectBlockError(h.run(csvWrite, { table, path: 'x.csv', delimiter: ',', decimal: ',' }), /both ","/);
    await expectParamError(h.run(csvWrite, { table, path: 'x.csv', encoding: 'utf-16' }), 'encoding', /must be one of utf-8, utf-8-bom, windows-1251, got "utf-16"/);
  });
});
