import { createBackoff, sleep } from '../util/backoff.js';
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
  const { outbox, robotGuid, deliver } = options;
  const classify = options.classify ?? (() => 'retry');
  const batchSize = options.batchSize ?? 500;
  const backoff = createBackoff(options.retryInitialMs ?? 500, options.retryMaxMs ?? 30_000);

  let running = false;
  let loop: Promise<void> | null = null;
  let stopController = new AbortController();
  let wakeUp: (() => void) | null = null;
  let lastError: string | null = null;
  let failedAttempts = 0;
  const drainWaiters = new Set<() => void>();

  const notifyDrained = () => {
    for (const resolve of drainWaiters) resolve();
    drainWaiters.clear();
  };

  const wake = () => {
    const resolve = wakeUp;
    wakeUp = null;
    resolve?.();
  };

  const waitForWake = () =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
    });

  /**
   * Delivers one batch, one row at a time (so the order holds); returns false when a row failed
   * and the loop must wait before retrying. Delivered rows are marked together, in one statement
   * over their span of ids, when the batch ends or stops early: a crash in between only means
   * those rows are sent again (at least once), never that one is lost.
   */
  async function deliverBatch(rows: OutboxRow[]): Promise<boolean> {
    const delivered: number[] = [];
    try {
      for (const row of rows) {
        if (!running) return true;
        try {
          await deliver(row.item);
          delivered.push(row.id);
          backoff.reset();
          lastError = null;
          failedAttempts = 0;
        } catch (error) {
          const verdict = classify(error);
          const message = error instanceof Error ? error.message : String(error);
          options.onDeliveryError?.(error, row, verdict);
          if (verdict === 'reject') {
            outbox.markRejected(row.id, message);
            continue;
          }
          outbox.recordFailure(row.id, message);
          lastError = message;
          failedAttempts += 1;
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

  async function run(): Promise<void> {
    while (running) {
      const rows = outbox.pending(robotGuid, batchSize);
      if (rows.length === 0) {
        notifyDrained();
        await waitForWake();
        continue;
      }
      const ok = await deliverBatch(rows);
      // Enqueue wakes are ignored while waiting here: during an outage every log line would
      // otherwise trigger another attempt.
      if (!ok) await sleep(backoff.next(), stopController.signal);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopController = new AbortController();
      loop = run();
    },
    async stop() {
      if (!running) return;
      running = false;
      stopController.abort();
      wake();
      await loop;
      loop = null;
    },
    wake,
    drain(timeoutMs) {
      if (outbox.backlog(robotGuid) === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          drainWaiters.delete(done);
          resolve(false);
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        drainWaiters.add(done);
        wake();
      });
    },
    state: () => ({ running, lastError, failedAttempts }),
  };
}
