import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT } from '../kit/checks.js';
import { encodeText, encodingChoices, type Encoding } from '../kit/encoding.js';
import { fileOp } from '../kit/fsErrors.js';
import { csvToTable, tableToCsv } from './lib/table.js';

const delimiterChoices = [
  { value: ';', title: { en: 'Semicolon ;', ru: 'Точка с запятой ;' } },
  { value: ',', title: { en: 'Comma ,', ru: 'Запятая ,' } },
  { value: '\t', title: { en: 'Tab', ru: 'Табуляция' } },
];
const delimiterParam = param.choice({ title: { en: 'Delimiter', ru: 'Разделитель' }, default: ';', choices: delimiterChoices });
const headerParam = param.boolean({ title: { en: 'First row is the header', ru: 'Первая строка — заголовок' }, default: true });

export const csvRead = defineBlock({
  type: 'csv.read',
  category: 'csv',
  title: { en: 'Read CSV to table', ru: 'Прочитать CSV в таблицу' },
  help: {
    en: 'Reads a CSV file into a table; the delimiter is detected from the first line unless you choose it. Values stay text; convert numbers and dates with the data blocks or let table sort/filter treat them by value. Quoted fields may contain delimiters, quotes ("") and line breaks.',
    ru: 'Читает CSV-файл в таблицу; разделитель определяется по первой строке, если не выбран явно. Значения остаются текстом; числа и даты преобразуйте блоками «Данные» — сортировка и фильтр таблиц и так сравнивают их по значению. Поля в кавычках могут содержать разделители, кавычки ("") и переводы строк.',
  },
  params: {
    path: param.filePath({ title: { en: 'CSV file', ru: 'CSV-файл' }, required: true, key: true, filters: ['csv', 'txt'] }),
    delimiter: param.choice({
      title: { en: 'Delimiter', ru: 'Разделитель' },
      default: 'auto',
      choices: [{ value: 'auto', title: { en: 'Detect from the first line', ru: 'Определить по первой строке' } }, ...delimiterChoices],
    }),
    header: headerParam,
    encoding: param.choice<Encoding>({ title: { en: 'Encoding', ru: 'Кодировка' }, default: 'utf-8', choices: encodingChoices }),
  },
  outputs: { table: { type: 'table', title: { en: 'Table', ru: 'Таблица' } } },
  async run(ctx, params) {
    // Path, delimiter and encoding: the engine's check guarantees text and one of the choices.
    const path = ctx.resolvePath(params.path);
    const encoding = params.encoding;
    const given = params.delimiter === 'auto' ? undefined : params.delimiter;
    const bytes = await fileOp('read the CSV file', path, () => readFile(path));
    return { outputs: { table: csvToTable(bytes, { encoding, delimiter: given, header: params.header !== false, source: path }) } };
  },
});

export const csvWrite = defineBlock({
  type: 'csv.write',
  category: 'csv',
  title: { en: 'Write table to CSV', ru: 'Записать таблицу в CSV' },
  help: {
    en: 'Writes a table to a CSV file (replacing it). For Russian Excel choose ";" and a decimal comma; UTF-8 with BOM or Windows-1251 opens with correct Cyrillic.',
    ru: 'Записывает таблицу в CSV-файл (заменяя его). Для русского Excel выберите «;» и десятичную запятую; UTF-8 с BOM или Windows-1251 открываются с правильной кириллицей.',
  },
  params: {
    table: param.table({ title: { en: 'Table', ru: 'Таблица' }, required: true }),
    path: param.filePath({ title: { en: 'CSV file', ru: 'CSV-файл' }, required: true, key: true, save: true, filters: ['csv'] }),
    delimiter: delimiterParam,
    header: headerParam,
    encoding: param.choice<Encoding>({ title: { en: 'Encoding', ru: 'Кодировка' }, default: 'utf-8-bom', choices: encodingChoices }),
    decimal: param.choice({
      title: { en: 'Decimal mark', ru: 'Десятичный разделитель' },
      default: ',',
      choices: [
        { value: ',', title: { en: 'Comma (1234,5)', ru: 'Запятая (1234,5)' } },
        { value: '.', title: { en: 'Point (1234.5)', ru: 'Точка (1234.5)' } },
      ],
    }),
  },
  outputs: { path: { type: 'text', title: { en: 'Full path', ru: 'Полный путь' } } },
  async run(ctx, params) {
    const { table, delimiter, decimal } = params;
    const path = ctx.resolvePath(params.path);
    if (decimal === delimiter) throw new BlockError('Delimiter and decimal mark are both ",": choose ";" as the delimiter', BAD_INPUT);
    const bytes = encodeText(tableToCsv(table, { delimiter, decimal, header: params.header !== false }), params.encoding);
    await fileOp('write the CSV file', path, async () => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    });
    return { outputs: { path } };
  },
});
