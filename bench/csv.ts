/**
 * CSV benchmark (`npm run bench:csv`): reading and writing 100,000 rows through the CSV blocks'
 * own functions (`csvToTable`, what `csv.read` does with a file's text; `tableToCsv`, what
 * `csv.write` encodes), against the hand-written reader and writer Cairn had before the libraries
 * (`bench/csv/handWritten.ts`) doing the same work in the same run. Eight columns of realistic
 * export data: Cyrillic names, quoted fields with delimiters, doubled quotes and line breaks in
 * some rows; once with `;` (Russian Excel) and once with `,`. Medians of several rounds, CPU time
 * of this process (the build machine is shared; wall time would measure the neighbours).
 *
 *   node bin/tsnode.js bench/csv.ts [--rows 100000] [--rounds 5]
 */
import { parseArgs } from 'node:util';
import { cellText, csvToTable, tableToCsv } from '../src/activities/csv/lib/table.js';
import { detectDelimiter, parseCsv } from '../src/activities/csv/lib/parse.js';
import { decodeText, encodeText } from '../src/activities/kit/encoding.js';
import { makeTable, type Table } from '../src/scenario/values.js';
import { handWrittenFormatCsv, handWrittenParseCsv, handWrittenRecordsToTable } from './csv/handWritten.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, rounds: { type: 'string' } } });
const ROWS = Number(values.rows ?? 100_000);
const ROUNDS = Number(values.rounds ?? 5);
/** The target of issue 15: the library path at most this many times the hand-written one. */
const TARGET = 1.5;

const columns = ['Номер', 'Дата', 'Контрагент', 'ИНН', 'Сумма', 'Комментарий', 'Статус', 'Email'];
const companies = ['ООО "Ромашка"', 'АО «Северсталь»', 'ИП Иванов, Иван Петрович', 'ПАО Сбербанк', 'ООО Вектор; филиал'];
const comments = ['', 'Оплата по счёту', 'Поставка, январь', 'Он сказал "да"\r\nи ушёл', 'две\nстроки', 'Срочно!'];
const statuses = ['Новый', 'Оплачен', 'Отменён'];

/** A table as `csv.write` receives it: numbers, dates, text with delimiters, quotes and line breaks in some rows. */
function exportTable(rows: number): Table {
  return makeTable(
    columns,
    Array.from({ length: rows }, (_v, i) => ({
      Номер: i + 1,
      Дата: new Date(2024, i % 12, (i % 28) + 1),
      Контрагент: companies[i % companies.length],
      ИНН: String(7700000000 + i),
      Сумма: Math.round(i * 137.31) / 100,
      Комментарий: comments[i % comments.length],
      Статус: statuses[i % statuses.length],
      Email: `user${i}@example.ru`,
    })),
  );
}

const median = (list: number[]): number => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** CPU milliseconds `work` takes. */
function cpuMs(work: () => unknown): number {
  const began = process.cpuUsage();
  work();
  const used = process.cpuUsage(began);
  return (used.user + used.system) / 1000;
}

/** `target`: the bound applies (what a user waits for); without it the figure is for information. */
type Case = { name: string; cairn: () => unknown; baseline: () => unknown; target?: boolean };

function cases(delimiter: string): Case[] {
  const table = exportTable(ROWS);
  const text = tableToCsv(table, { delimiter, decimal: ',', header: true });
  const bytes = encodeText(text, 'utf-8-bom');
  const read = () => csvToTable(bytes, { encoding: 'utf-8-bom', header: true, source: 'bench.csv' });
  const oldRead = () => {
    const decoded = decodeText(bytes, 'utf-8-bom');
    return handWrittenRecordsToTable(handWrittenParseCsv(decoded, detectDelimiter(decoded)), true, 'bench.csv');
  };
  const cells = () => [columns, ...table.rows.map((row) => columns.map((c) => cellText(row[c], ',')))];
  // The two paths must agree, or the figures compare different work.
  if (JSON.stringify(read()) !== JSON.stringify(oldRead())) throw new Error(`"${delimiter}": the two readers disagree`);
  if (read().rows.length !== ROWS) throw new Error(`"${delimiter}": read ${read().rows.length} rows, wrote ${ROWS}`);
  if (handWrittenFormatCsv(cells(), delimiter) !== text) throw new Error(`"${delimiter}": the two writers disagree`);
  const label = delimiter === ';' ? '";"' : '","';
  return [
    { name: `read ${label}  file bytes -> table`, cairn: read, baseline: oldRead, target: true },
    { name: `read ${label}  parser alone       `, cairn: () => parseCsv(bytes, delimiter), baseline: () => handWrittenParseCsv(text, delimiter) },
    {
      name: `write ${label} table -> text       `,
      cairn: () => tableToCsv(table, { delimiter, decimal: ',', header: true }),
      baseline: () => handWrittenFormatCsv(cells(), delimiter),
    },
  ];
}

const all = [...cases(';'), ...cases(',')];
const sizeMb = Buffer.byteLength(tableToCsv(exportTable(ROWS), { delimiter: ';', decimal: ',', header: true })) / 1e6;
console.log(`Cairn CSV benchmark: ${ROWS.toLocaleString('en')} rows x ${columns.length} columns (${sizeMb.toFixed(1)} MB of UTF-8), median of ${ROUNDS} rounds, CPU time`);
for (const { name, cairn, baseline, target } of all) {
  cairn(); // warm-up: let V8 optimise both paths before measuring
  baseline();
  const ours: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so a burst of load on the shared machine hits both alike.
    ours.push(cpuMs(cairn));
    base.push(cpuMs(baseline));
  }
  const ratio = median(ours) / median(base);
  const verdict = target ? `target <= ${TARGET}x   ${ratio <= TARGET ? 'OK' : 'OVER'}` : '(for information)';
  console.log(`  ${name}   library ${median(ours).toFixed(0).padStart(5)} ms   hand-written ${median(base).toFixed(0).padStart(5)} ms   ${ratio.toFixed(2)}x   ${verdict}`);
}
