/**
 * Items added in the same turn of the event loop, written together when the turn ends: a job can
 * log thousands of lines a second, and one SQLite transaction per line would stall it. `flush()`
 * writes at once (an item that must not wait, or before something that depends on the rows); a
 * batch that reaches `maxBatch` is written without waiting for the turn to end.
 */
export type TurnBatch<T> = {
  add(item: T): void;
  flush(): void;
};

export function createTurnBatch<T>(write: (items: T[]) => void, maxBatch = 1000): TurnBatch<T> {
  let pending: T[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  const flush = (): void => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    write(items);
  };
  return {
    add(item) {
      pending.push(item);
      if (pending.length >= maxBatch) flush();
      else scheduled ??= setImmediate(flush);
    },
    flush,
  };
}
