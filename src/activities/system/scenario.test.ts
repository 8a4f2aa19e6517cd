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

describe('system blocks in a scenario run by the engine', () => {
  it('sets a variable a command then sees, and takes a failing command down the error port', async () => {
    const name = `CAIRN_SCENARIO_${process.pid}`;
    const doc = makeScenario({
      variables: [
        { name: 'seen', type: 'text', direction: 'out' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'set', type: 'system.setEnv', params: { name, value: 'robot-7' } },
        { id: 'echo', type: 'system.runCommand', params: { command: `printf %s "$${name}"`, shell: true }, outputs: { stdout: 'seen' } },
        { id: 'fail', type: 'system.runCommand', params: { command: 'false' }, onError: 'handle', errorVariable: 'problem' },
        { id: 'unset', type: 'system.setEnv', params: { name, remove: true } },
      ],
      links: [...chain('start', 'set', 'echo', 'fail'), ['fail', 'unset', 'error']],
    });
    const { summary } = await runScenario(doc, { projectDir });
    expect(summary.error).toBeUndefined();
    expect(summary.outputs.seen).toBe('robot-7');
    expect(summary.outputs.problem).toMatchObject({ blockId: 'fail', code: 'EXIT_CODE', message: expect.stringContaining('"false" ended with exit code 1') });
    expect(process.env[name]).toBeUndefined();
  });
});
