import { describe, expect, it } from 'vitest';
import { until } from './until.js';

describe('until', () => {
  it('returns the first truthy value of the probe, sync or async', async () => {
    let calls = 0;
    expect(await until(() => (++calls >= 3 ? { calls } : undefined), 'three calls', 5_000, 1)).toEqual({ calls: 3 });
    expect(await until(async () => 'ready', 'an async probe')).toBe('ready');
  });

  it('names what it waited for when the deadline passes', async () => {
    await expect(until(() => false, 'the moon', 30, 5)).rejects.toThrow('Timed out after 30 ms waiting for the moon');
  });
});
