import { createTurnBatch } from '../util/turnBatch.js';
import type { Outbox, OutboxItem } from './outbox.js';

/**
 * Writes one robot's outbox items in order, batching log lines: a job can log thousands of lines
 * a second, and one SQLite transaction per line would stall the robot. Lines written in the same
 * turn of the event loop share one transaction; a status change or a screenshot is written at
 * once, together with every line before it, so order and the "logs before final status"
 * guarantee hold. The window in which a crash could lose lines is a single event-loop turn.
 */

export type OutboxWriter = {
  write(item: OutboxItem): void;
  /** Writes everything buffered now. */
  flush(): void;
};

export function createOutboxWriter(options: {
  outbox: Outbox;
  robotGuid: string;
  /** Called after each write to the database (wakes the delivery worker). */
  onWritten(): void;
  maxBatch?: number;
}): OutboxWriter {
  const batch = createTurnBatch<OutboxItem>((items) => {
    options.outbox.enqueueMany(options.robotGuid, items);
    options.onWritten();
  }, options.maxBatch);
  return {
    write(item) {
      batch.add(item);
      // A status change or a screenshot goes at once, with every line before it.
      if (item.kind !== 'log') batch.flush();
    },
    flush: batch.flush,
  };
}
