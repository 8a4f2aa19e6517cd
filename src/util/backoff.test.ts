import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.js';

describe('createBackoff', () => {
  it('1 s doubling to 60 s, less up to 25 % jitter, back to 1 s on reset', () => {
    const top = createBackoff(1000, 60_000, () => 1);
    expect(Array.from({ length: 8 }, () => top.next())).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    top.reset();
    expect(top.next()).toBe(1000);
    const low = createBackoff(1000, 60_000, () => 0);
    expect([low.next(), low.next()]).toEqual([750, 1500]);
  });

  it('a fixed delay is the same policy with factor 1 and no jitter (the HTTP blocks\' "retry delay")', () => {
    const fixed = createBackoff(250, 250, Math.random, { factor: 1, jitter: 0 });
    expect([fixed.next(), fixed.next(), fixed.next()]).toEqual([250, 250, 250]);
    const halfJitter = createBackoff(1000, 8000, () => 0, { jitter: 0.5 });
    expect([halfJitter.next(), halfJitter.next()]).toEqual([500, 1000]);
  });
});
