import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';

let projectDir: string;
beforeEach(async () => {
  projectDir = await mkdtemp(join(tmpdir(), 'cairn-scenario-'));
});
afterEach(() => rm(projectDir, { recursive: true, force: true }));

describe('python block in a scenario run by the engine', () => {
  it('passes variables in and the result out, and takes a failing script down the error port', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'amounts', type: 'list', direction: 'in' },
        { name: 'total', type: 'number', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'sum', type: 'python.run', params: { code: 'result = sum(input)', input: { expr: 'amounts' } }, outputs: { result: 'total' } },
        { id: 'fail', type: 'python.run', params: { code: 'raise RuntimeError("no connection to 1C")' }, onError: 'handle', errorVariable: 'problem' },
      ],
      links: chain('start', 'sum', 'fail'),
    });
    const { summary, logs } = await runScenario(doc, { projectDir, args: { amounts: [10, 20.5, 30] } });
    expect(summary.error).toBeUndefined();
    expect(summary.outputs.total).toBe(60.5);
    expect(summary.outputs.problem).toMatchObject({ blockId: 'fail', code: 'PYTHON_ERROR', message: expect.stringContaining('RuntimeError: no connection to 1C') });
    expect(logs.some((l) => l.includes('RuntimeError'))).toBe(true);
  });
});
