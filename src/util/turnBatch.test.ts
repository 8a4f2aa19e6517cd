import { describe, expect, it } from 'vitest';
import { createTurnBatch } from './turnBatch.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('turn batch', () => {
  it('writes what one turn added in one call, after the turn', async () => {
    const writes: number[][] = [];
    const batch = createTurnBatch<number>((items) => writes.push(items));
    for (let i = 0; i < 5; i++) batch.add(i);
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual([[0, 1, 2, 3, 4]]);
    batch.add(5);
    await nextTurn();
    expect(writes).toEqual([[0, 1, 2, 3, 4], [5]]);
  });

  it('writes a full batch at once and flush() without waiting, never twice', async () => {
    const writes: number[][] = [];
    const batch = createTurnBatch<number>((items) => writes.push(items), 3);
    for (let i = 0; i < 4; i++) batch.add(i);
    expect(writes).toEqual([[0, 1, 2]]);
    batch.flush();
    expect(writes).toEqual([[0, 1, 2], [3]]);
    await nextTurn();
    expect(writes).toEqual([[0, 1, 2], [3]]);
  });
});
