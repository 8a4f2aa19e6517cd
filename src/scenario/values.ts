/**
 * Runtime value shapes shared by the engine, the blocks and the UI. Browser-safe.
 */

/** The RPA workhorse: named columns and rows keyed by column name. */
export type Table = {
  kind: 'table';
  columns: string[];
  rows: Record<string, unknown>[];
};

export function isTable(value: unknown): value is Table {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'table' &&
    Array.isArray((value as Table).columns) &&
    Array.isArray((value as Table).rows)
  );
}

export function makeTable(columns: string[], rows: Record<string, unknown>[] = []): Table {
  return { kind: 'table', columns: [...columns], rows };
}

/** The structured error a `handle` policy puts into the block's error variable. */
export type BlockErrorValue = {
  message: string;
  blockId: string;
  blockType: string;
  /** Machine-readable cause where a block knows it: ENOENT, TIMEOUT, SELECTOR_NOT_FOUND … */
  code?: string;
};

export const REDACTED = '••••••';
