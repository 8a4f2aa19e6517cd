import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/schema.js';
import { cleanUp, startService } from '../testing/serviceHarness.js';

afterEach(cleanUp);

describe('validation through the service', () => {
  it('validates a document against the catalog', async () => {
    const { call } = await startService();
    const doc: Scenario = {
      format: 'cairn.scenario/1',
      id: 's',
      name: 'S',
      variables: [],
      blocks: [{ id: 'start', type: 'core.start', at: [0, 0] }],
      links: [{ from: 'start', port: 'next', to: 'ghost' }],
    };
    const { problems } = await call('scenario.validate', { doc });
    expect(problems.some((p) => p.severity === 'error' && p.message.en.includes('ghost'))).toBe(true);
  });
});
