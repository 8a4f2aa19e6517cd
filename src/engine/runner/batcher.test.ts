import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../types.js';
import { EventBatcher } from './batcher.js';

const log = (n: number): RunEvent => ({ type: 'log', level: 'info', message: `line ${n}`, at: 0 });

describe('EventBatcher', () => {
  it('sends full batches at once, the rest after a short delay, paused/finished immediately', async () => {
    const sent: RunEvent[][] = [];
    const batcher = new EventBatcher((events, written) => (sent.push(events), written()), 3, 5, 2);
    for (let i = 0; i < 4; i++) batcher.push(log(i));
    expect(sent.map((b) => b.length)).toEqual([3]);
    await new Promise((r) => setTimeout(r, 30));
    expect(sent.map((b) => b.length)).toEqual([3, 1]);
    batcher.push(log(4));
    batcher.push({ type: 'run.finished', result: 'success', outputs: {}, ms: 1 });
    expect(sent.map((b) => b.length)).toEqual([3, 1, 2]);
  });

  it('reports a backlog while the channel has not written its batches, and drains', async () => {
    const pending: (() => void)[] = [];
    const batcher = new EventBatcher((_events, written) => pending.push(written), 1, 5, 2);
    batcher.push(log(0));
    expect(batcher.backlogged).toBe(false);
    batcher.push(log(1));
    expect(batcher.backlogged).toBe(true);
    let drained = false;
    const draining = batcher.drain().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    pending.shift()!();
    await draining;
    expect(batcher.backlogged).toBe(false);
    const closing = batcher.close();
    pending.shift()!();
    await closing;
  });
});
