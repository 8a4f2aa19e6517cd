/**
 * The one retry policy of Cairn: exponential backoff with jitter, and a sleep that a stop cuts
 * short. The outbox worker, the robot's heartbeat and job loops and the HTTP blocks' retries all
 * wait through it, so no failure path ever becomes a busy loop and a fleet of robots that lost
 * the server together does not come back in lockstep.
 */

/** How delays grow: each one `factor` times the last (up to the cap), less up to `jitter` of it at random. */
export type BackoffShape = { factor?: number; jitter?: number };

export type Backoff = {
  /** The delay to wait now; each call doubles the next one up to the cap. */
  next(): number;
  reset(): void;
};

/** 1 s, 2 s, 4 s … up to `maxMs`, each less up to 25 % (the defaults: factor 2, jitter 0.25). */
export function createBackoff(initialMs: number, maxMs: number, random: () => number = Math.random, shape: BackoffShape = {}): Backoff {
  const { factor = 2, jitter = 0.25 } = shape;
  let current = initialMs;
  return {
    next() {
      const delay = Math.round(current * (1 - jitter + random() * jitter));
      current = Math.min(current * factor, maxMs);
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
