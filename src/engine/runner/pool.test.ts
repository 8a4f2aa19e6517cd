import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chain, makeScenario } from '../testing/scenarios.js';
import { createRunnerPool, type RunnerPool } from './pool.js';
import { alive, runnerChildren, until } from './testing/processes.js';

let dir: string;
let scenario: string;
const pools: RunnerPool[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-pool-'));
  scenario = join(dir, 'pid.scenario.json');
  const doc = makeScenario({
    name: 'pid',
    variables: [{ name: 'pid', type: 'number', direction: 'out' }],
    blocks: [{ id: 'start', type: 'core.start' }, { id: 'who', type: 'core.script', params: { code: 'pid = process.pid' } }],
    links: chain('start', 'who'),
  });
  await writeFile(scenario, JSON.stringify(doc));
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.dispose()));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function pool(options?: Parameters<typeof createRunnerPool>[0]): RunnerPool {
  const created = createRunnerPool(options);
  pools.push(created);
  return created;
}

async function runPid(runners: RunnerPool): Promise<number> {
  const summary = await runners.startRun({ target: scenario }).done;
  expect(summary.result).toBe('success');
  return summary.outputs.pid as number;
}

describe('warm runner pool', { timeout: 90_000 }, () => {
  it('runs in the runner it warmed, uses each runner once, and warms a fresh one behind each run', async () => {
    const runners = pool();
    const warmed = runners.idlePid!;
    expect(alive(warmed)).toBe(true);
    expect(await runPid(runners)).toBe(warmed);
    expect(alive(warmed)).toBe(false);
    await until(() => runners.idlePid !== undefined, 'a runner warmed behind the first run');
    const next = runners.idlePid!;
    expect(next).not.toBe(warmed);
    expect(await runPid(runners)).toBe(next);
  });

  it('replaces a runner that dies while it waits; the next run does not notice', async () => {
    const runners = pool();
    const first = runners.idlePid!;
    process.kill(first, 'SIGKILL');
    await until(() => runners.idlePid !== undefined && runners.idlePid !== first, 'a replacement runner');
    const replacement = runners.idlePid!;
    expect(await runPid(runners)).toBe(replacement);
  });

  it('dispose ends the waiting runner and warms no other', async () => {
    const runners = pool();
    const waiting = runners.idlePid!;
    await runners.dispose();
    expect(alive(waiting)).toBe(false);
    expect(runners.idlePid).toBeUndefined();
    expect(runnerChildren()).not.toContain(waiting);
  });

  it('keepWarm false: the first run takes the runner started ahead, none is warmed behind it', async () => {
    const runners = pool({ keepWarm: false });
    const warmed = runners.idlePid!;
    expect(await runPid(runners)).toBe(warmed);
    await new Promise((r) => setTimeout(r, 200));
    expect(runners.idlePid).toBeUndefined();
  });
});
