/**
 * Exponential backoff with jitter, and a sleep that a stop cuts short. Shared by the outbox
 * worker and the robot's heartbeat loop so that no failure path ever becomes a busy loop.
 */

export type Backoff = {
  /** The delay to wait now; each call doubles the next one up to the cap. */
  next(): number;
  reset(): void;
};

export function createBackoff(initialMs: number, maxMs: number, random: () => number = Math.random): Backoff {
  let current = initialMs;
  return {
    next() {
      // Full delay minus up to 25 % jitter, so many robots restarted together don't retry in step.
      const delay = Math.round(current * (0.75 + random() * 0.25));
      current = Math.min(current * 2, maxMs);
      return delay;
    },
    reset() {
      current = initialMs;
    },
  };
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
