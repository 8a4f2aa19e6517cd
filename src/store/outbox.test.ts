import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppStore, type AppStore } from './appStore.js';
import type { OutboxItem } from './outbox.js';
import { createOutboxWorker } from './outboxWorker.js';
import { createOutboxWriter } from './outboxWriter.js';
import { until } from '../testing/until.js';

let dir: string;
let store: AppStore;
const ROBOT = 'robot-1';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-outbox-'));
  store = openAppStore(path.join(dir, 'app.sqlite'));
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const log = (jobGuid: string, message: string): OutboxItem => ({ kind: 'log', jobGuid, level: 'Info', message, at: 1 });

describe('outbox', () => {
  it('keeps rows across a reopen and hands them out in enqueue order per robot', () => {
    store.outbox.enqueue(ROBOT, log('j1', 'first'));
    store.outbox.enqueue('other-robot', log('j9', 'elsewhere'));
    store.outbox.enqueueMany(ROBOT, [log('j1', 'second'), { kind: 'jobStatus', jobGuid: 'j1', status: 4 }]);
    store.close();
    store = openAppStore(path.join(dir, 'app.sqlite'));

    const rows = store.outbox.pending(ROBOT, 10);
    expect(rows.map((r) => r.item)).toEqual([log('j1', 'first'), log('j1', 'second'), { kind: 'jobStatus', jobGuid: 'j1', status: 4 }]);
    expect(store.outbox.backlog(ROBOT)).toBe(3);
    expect(store.outbox.backlog('other-robot')).toBe(1);
  });

  it('marks delivered rows instead of deleting them, and prunes old ones on request', () => {
    const id = store.outbox.enqueue(ROBOT, log('j1', 'a'));
    store.outbox.markDelivered(id);
    expect(store.outbox.pending(ROBOT, 10)).toEqual([]);
    const row = store.db.prepare('SELECT delivered_at, attempts FROM outbox WHERE id = ?').get(id) as { delivered_at: number; attempts: number };
    expect(row.delivered_at).toBeGreaterThan(0);
    expect(row.attempts).toBe(1);
    expect(store.outbox.pruneDelivered(-1000)).toBe(1);
  });
});

describe('outbox worker', () => {
  it('survives an outage: nothing lost, nothing reordered, the final status after the logs', async () => {
    const received: OutboxItem[] = [];
    let online = false;
    let failures = 0;
    const worker = createOutboxWorker({
      outbox: store.outbox,
      robotGuid: ROBOT,
      retryInitialMs: 5,
      retryMaxMs: 20,
      async deliver(item) {
        if (!online) {
          failures += 1;
          throw new Error('connect ECONNREFUSED 127.0.0.1');
        }
        received.push(item);
      },
    });
    worker.start();
    for (let i = 0; i < 50; i++) {
      store.outbox.enqueue(ROBOT, log('j1', `line ${i}`));
      worker.wake();
    }
    store.outbox.enqueue(ROBOT, { kind: 'jobStatus', jobGuid: 'j1', status: 4 });
    worker.wake();
    await until(() => failures >= 3, 'three failed deliveries');
    expect(worker.state().lastError).toContain('ECONNREFUSED');
    expect(store.outbox.backlog(ROBOT)).toBe(51);

    online = true;
    expect(await worker.drain(5000)).toBe(true);
    await worker.stop();

    expect(received.map((item) => (item.kind === 'log' ? item.message : item.kind === 'jobStatus' ? `status ${item.status}` : item.kind))).toEqual([
      ...Array.from({ length: 50 }, (_, i) => `line ${i}`),
      'status 4',
    ]);
    expect(store.outbox.backlog(ROBOT)).toBe(0);
  });

  it('retries the failing row before anything behind it, and skips a row refused for good', async () => {
    const attempts: string[] = [];
    let flaky = 2;
    const worker = createOutboxWorker({
      outbox: store.outbox,
      robotGuid: ROBOT,
      retryInitialMs: 1,
      classify: (error) => ((error as Error).message.includes('400') ? 'reject' : 'retry'),
      async deliver(item) {
        const message = item.kind === 'log' ? item.message : item.kind;
        attempts.push(message);
        if (message === 'bad') throw new Error('HTTP 400 bad status');
        if (message === 'flaky' && flaky-- > 0) throw new Error('HTTP 503');
      },
    });
    store.outbox.enqueueMany(ROBOT, [log('j', 'bad'), log('j', 'flaky'), log('j', 'after')]);
    worker.start();
    expect(await worker.drain(5000)).toBe(true);
    await worker.stop();
    expect(attempts).toEqual(['bad', 'flaky', 'flaky', 'flaky', 'after']);
    const rejected = store.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE rejected = 1').get() as { n: number };
    expect(rejected.n).toBe(1);
  });

  it('stops cleanly while waiting for work and while backing off', async () => {
    const idle = createOutboxWorker({ outbox: store.outbox, robotGuid: ROBOT, deliver: async () => {} });
    idle.start();
    await idle.stop();
    expect(idle.state().running).toBe(false);

    store.outbox.enqueue(ROBOT, log('j', 'never delivered'));
    const failing = createOutboxWorker({
      outbox: store.outbox,
      robotGuid: ROBOT,
      retryInitialMs: 60_000,
      deliver: async () => {
        throw new Error('offline');
      },
    });
    failing.start();
    await until(() => failing.state().failedAttempts === 1, 'the first failed attempt');
    await failing.stop();
    expect(store.outbox.backlog(ROBOT)).toBe(1);
  });
});

describe('outbox worker batches', () => {
  it('marks a batch delivered in one write, and a stop mid-batch keeps what was delivered (nothing sent twice after a restart)', async () => {
    store.outbox.enqueueMany(ROBOT, Array.from({ length: 50 }, (_, i) => log('j', `line ${i}`)));
    const writes: number[] = [];
    const outbox = {
      ...store.outbox,
      markDeliveredRange: (robot: string, first: number, last: number) => (writes.push(last - first + 1), store.outbox.markDeliveredRange(robot, first, last)),
    };
    const received: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const worker = createOutboxWorker({
      outbox,
      robotGuid: ROBOT,
      batchSize: 20,
      deliver: async (item) => {
        if (item.kind === 'log' && item.message === 'line 30') await held;
        received.push(item.kind === 'log' ? item.message : item.kind);
      },
    });
    worker.start();
    await until(() => received.length === 30, 'all 30 rows delivered');
    const stopping = worker.stop();
    release();
    await stopping;
    // One write for the first batch of 20; the second stopped after the row in flight (rows 20–30).
    expect(writes).toEqual([20, 11]);
    expect(received.length).toBe(31);
    expect(store.outbox.backlog(ROBOT)).toBe(50 - 31);

    const again: string[] = [];
    const restarted = createOutboxWorker({ outbox: store.outbox, robotGuid: ROBOT, deliver: async (item) => void again.push(item.kind === 'log' ? item.message : item.kind) });
    restarted.start();
    expect(await restarted.drain(5000)).toBe(true);
    await restarted.stop();
    expect(again).toEqual(Array.from({ length: 19 }, (_, i) => `line ${31 + i}`));
  });
});

describe('outbox writer', () => {
  it('batches a burst of log lines into the stream in order, and writes a status change at once behind them', async () => {
    let writes = 0;
    const writer = createOutboxWriter({ outbox: store.outbox, robotGuid: ROBOT, onWritten: () => (writes += 1) });
    for (let i = 0; i < 10_500; i++) writer.write(log('j1', `line ${i}`));
    // Full batches of 1,000 are written at once; the rest waits for the end of this turn…
    expect(store.outbox.backlog(ROBOT)).toBe(10_000);
    expect(writes).toBe(10);
    // …unless a status change comes: it takes them with it, synchronously, in one transaction.
    writer.write({ kind: 'jobStatus', jobGuid: 'j1', status: 4 });
    expect(store.outbox.backlog(ROBOT)).toBe(10_501);
    expect(writes).toBe(11);

    writer.write(log('j2', 'later'));
    await until(() => store.outbox.backlog(ROBOT) === 10_502, 'the whole burst in the outbox');
    const rows = store.outbox.pending(ROBOT, 20_000).map((row) => row.item);
    expect(rows[0]).toEqual(log('j1', 'line 0'));
    expect(rows[10_499]).toEqual(log('j1', 'line 10499'));
    expect(rows[10_500]).toEqual({ kind: 'jobStatus', jobGuid: 'j1', status: 4 });
    expect(rows[10_501]).toEqual(log('j2', 'later'));
  });
});
