import { BlockError } from '../../define.js';
import { BAD_INPUT } from '../../kit/checks.js';

export type CellRef = { row: number; col: number };
export type Area = { top: number; left: number; bottom: number; right: number };

export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

const cellPattern = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(address: string): CellRef {
  const m = cellPattern.exec(address.trim());
  if (!m) throw new BlockError(`Cell address "${address}" is not valid: write it like A1 or BC12`, BAD_INPUT);
  const col = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  if (row < 1 || col > 16384) throw new BlockError(`Cell address "${address}" is outside a worksheet`, BAD_INPUT);
  return { row, col };
}

/** `A1:D20` (either corner first) or a single cell. */
export function parseRange(range: string): Area {
  const [from, to = from, extra] = range.split(':');
  if (extra !== undefined || from === undefined) throw new BlockError(`Range "${range}" is not valid: write it like A1:D20`, BAD_INPUT);
  const a = parseCell(from);
  const b = parseCell(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
