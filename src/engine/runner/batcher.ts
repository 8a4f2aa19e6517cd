import type { Backpressure } from '../run.js';
import type { RunEvent } from '../types.js';

/**
 * Batches events for the IPC channel: a batch leaves when it is full, after a few ms, or at once
 * for events a person waits for (paused, run.finished). Counts batches not yet written so the
 * engine can wait at block boundaries instead of queueing without bound (100k log lines).
 */
export class EventBatcher implements Backpressure {
  private buffer: RunEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly send: (events: RunEvent[], written: () => void) => void,
    private readonly maxBatch = 500,
    private readonly maxDelayMs = 5,
    private readonly maxInFlight = 4,
  ) {}

  push(event: RunEvent): void {
    this.buffer.push(event);
    if (event.type === 'paused' || event.type === 'run.finished' || this.buffer.length >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.inFlight++;
    this.send(batch, () => {
      this.inFlight--;
      if (this.inFlight < this.maxInFlight || this.inFlight === 0) this.wake();
    });
  }

  get backlogged(): boolean {
    return this.inFlight >= this.maxInFlight;
  }

  /** Resolves when a batch was written (there may be room again) or everything is out. */
  drain(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Flushes and resolves once every batch was written. */
  async close(): Promise<void> {
    this.flush();
    while (this.inFlight > 0) await this.drain();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
