import { createBackoff, sleep, type Backoff } from '../util/backoff.js';
import type { Outbox, OutboxItem, OutboxRow } from './outbox.js';

/**
 * Delivers one robot's outbox stream, strictly in order and at least once: a row is marked
 * delivered only after the Orchestrator accepted it, and a failed row is retried (with backoff)
 * before anything behind it is tried, so an outage of any length never reorders the stream.
 */

export type DeliveryVerdict = 'retry' | 'reject';

export type OutboxWorkerOptions = {
  outbox: Outbox;
  robotGuid: string;
  deliver(item: OutboxItem): Promise<void>;
  /** 'retry' (network down, 5xx: try again later) or 'reject' (refused for good: flag and skip). */
  classify?(error: unknown): DeliveryVerdict;
  batchSize?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  onDeliveryError?(error: unknown, row: OutboxRow, verdict: DeliveryVerdict): void;
};

export type OutboxWorkerState = { running: boolean; lastError: string | null; failedAttempts: number };

export type OutboxWorker = {
  start(): void;
  /** Finishes the row in flight (never abandons a half-sent one), then stops. */
  stop(): Promise<void>;
  /** New rows were enqueued: deliver them now unless waiting out a retry delay. */
  wake(): void;
  /** Resolves true once the stream is fully delivered, false after `timeoutMs`. */
  drain(timeoutMs: number): Promise<boolean>;
  state(): OutboxWorkerState;
};

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { outbox, robotGuid } = options;
  const batchSize = options.batchSize ?? 500;
  const backoff = createBackoff(options.retryInitialMs ?? 500, options.retryMaxMs ?? 30_000);
  const signal = createWakeSignal();
  const drained = createDrainWaiters();
  const delivery: OutboxWorkerState = { running: false, lastError: null, failedAttempts: 0 };
  let loop: Promise<void> | null = null;
  let stopController = new AbortController();

  async function run(): Promise<void> {
    while (delivery.running) {
      const rows = outbox.pending(robotGuid, batchSize);
      if (rows.length === 0) {
        drained.notify();
        await signal.wait();
        continue;
      }
      const ok = await deliverBatch(rows, options, delivery, backoff);
      // Enqueue wakes are ignored while waiting here: during an outage every log line would
      // otherwise trigger another attempt.
      if (!ok) await sleep(backoff.next(), stopController.signal);
    }
  }

  return {
    start() {
      if (delivery.running) return;
      delivery.running = true;
      stopController = new AbortController();
      loop = run();
    },
    async stop() {
      if (!delivery.running) return;
      delivery.running = false;
      stopController.abort();
      signal.wake();
      await loop;
      loop = null;
    },
    wake: signal.wake,
    drain(timeoutMs) {
      if (outbox.backlog(robotGuid) === 0) return Promise.resolve(true);
      const done = drained.wait(timeoutMs);
      signal.wake();
      return done;
    },
    state: () => ({ ...delivery }),
  };
}

/**
 * Delivers one batch, one row at a time (so the order holds); returns false when a row failed
 * and the loop must wait before retrying. Delivered rows are marked together, in one statement
 * over their span of ids, when the batch ends or stops early: a crash in between only means
 * those rows are sent again (at least once), never that one is lost.
 */
async function deliverBatch(rows: OutboxRow[], options: OutboxWorkerOptions, delivery: OutboxWorkerState, backoff: Backoff): Promise<boolean> {
  const { outbox, robotGuid, deliver } = options;
  const classify = options.classify ?? (() => 'retry');
  const delivered: number[] = [];
  try {
    for (const row of rows) {
      if (!delivery.running) return true;
      try {
        await deliver(row.item);
        delivered.push(row.id);
        backoff.reset();
        delivery.lastError = null;
        delivery.failedAttempts = 0;
      } catch (error) {
        const verdict = classify(error);
        const message = error instanceof Error ? error.message : String(error);
        options.onDeliveryError?.(error, row, verdict);
        if (verdict === 'reject') {
          outbox.markRejected(row.id, message);
          continue;
        }
        outbox.recordFailure(row.id, message);
        delivery.lastError = message;
        delivery.failedAttempts += 1;
        return false;
      }
    }
    return true;
  } finally {
    // Rows are handled in id order and a failure ends the batch, so every row between the first
    // and the last delivered one was delivered or refused (already marked, left as it is).
    if (delivered.length > 0) outbox.markDeliveredRange(robotGuid, delivered[0], delivered[delivered.length - 1]);
  }
}

/** The loop's sleep while the outbox is empty, ended by the next enqueue (or stop). */
function createWakeSignal(): { wake(): void; wait(): Promise<void> } {
  let wakeUp: (() => void) | null = null;
  return {
    wake() {
      const resolve = wakeUp;
      wakeUp = null;
      resolve?.();
    },
    wait: () =>
      new Promise<void>((resolve) => {
        wakeUp = resolve;
      }),
  };
}

/** Who waits for the stream to be fully delivered: true when it is, false after their timeout. */
function createDrainWaiters(): { wait(timeoutMs: number): Promise<boolean>; notify(): void } {
  const waiters = new Set<() => void>();
  return {
    wait: (timeoutMs) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve(false);
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.add(done);
      }),
    notify() {
      for (const resolve of waiters) resolve();
      waiters.clear();
    },
  };
}
