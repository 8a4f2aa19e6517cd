import { BlockError, defineBlock, param } from '../define.js';
import { makeTable } from '../../scenario/values.js';
import { describeTarget, onElement, targetParams } from './lib/locate.js';

/** Unique, non-empty column names: blanks become "Column N", repeats get "_2", "_3". */
export function columnNames(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((name, i) => {
    const base = name.trim() || `Column${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

export const extractTable = defineBlock({
  type: 'web.extractTable',
  category: 'web',
  title: { en: 'Extract table', ru: 'Извлечь таблицу' },
  help: {
    en: 'Reads an HTML table (<table>) into a table variable; the first row gives the column names.',
    ru: 'Считывает HTML-таблицу (<table>) в переменную-таблицу; названия столбцов берутся из первой строки.',
  },
  params: {
    ...targetParams,
    headers: param.boolean({
      title: { en: 'First row is the header', ru: 'Первая строка — заголовок' },
      help: { en: 'Off: columns are named Column1, Column2…', ru: 'Если выключено, столбцы называются Column1, Column2…' },
      default: true,
    }),
  },
  outputs: { table: { type: 'table', title: { en: 'Table', ru: 'Таблица' } } },
  async run(ctx, p) {
    const description = describeTarget(p.selector, p.by);
    const cells = await onElement(ctx, p, (locator, timeout) =>
      locator.evaluate((el) => {
        if (!(el instanceof HTMLTableElement)) return null;
        // table.rows covers thead/tbody/tfoot but not nested tables; colspan repeats the cell.
        return [...el.rows].map((row) =>
          [...row.cells].flatMap((cell) => Array<string>(Math.max(1, cell.colSpan)).fill(cell.innerText.trim())),
        );
      }, undefined, { timeout }),
    );
    if (cells === null) throw new BlockError(`${description} is not a table (<table>)`, 'BAD_INPUT');
    const width = Math.max(0, ...cells.map((r) => r.length));
    const headerRow = !p.headers ? [] : (cells.shift() ?? []);
    const columns = columnNames(Array.from({ length: width }, (_, i) => headerRow[i] ?? ''));
    const rows = cells.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ''])));
    ctx.log('info', `Extracted ${rows.length} rows × ${columns.length} columns from ${description}`);
    return { outputs: { table: makeTable(columns, rows) } };
  },
});
