import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, runnerChildren, until } from '../engine/runner/testing/processes.js';
import { chain, makeScenario } from '../engine/testing/scenarios.js';
import type { RunEvent } from '../engine/types.js';
import { createService } from './service.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-service-runners-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the service keeps a runner warm', { timeout: 90_000 }, () => {
  it('runs in the warm runner, warms the next, and dispose leaves no runner behind', async () => {
    const before = new Set(runnerChildren());
    const service = createService({ dataDir: join(dir, 'data'), mode: 'browser' });
    try {
      await until(() => runnerChildren().some((pid) => !before.has(pid)), 'the warm runner');
      const warm = runnerChildren().find((pid) => !before.has(pid))!;
      const path = join(dir, 'pid.scenario.json');
      const doc = makeScenario({
        name: 'pid',
        variables: [{ name: 'pid', type: 'number', direction: 'out' }],
        blocks: [{ id: 'start', type: 'core.start' }, { id: 'who', type: 'core.script', params: { code: 'pid = process.pid' } }],
        links: chain('start', 'who'),
      });
      await writeFile(path, JSON.stringify(doc));
      const finished = new Promise<RunEvent>((resolve) =>
        service.onEvent((event, payload) => {
          if (event === 'run.event' && (payload as { event: RunEvent }).event.type === 'run.finished') resolve((payload as { event: RunEvent }).event);
        }),
      );
      await service.call('run.start', { path });
      const end = await finished;
      expect(end).toMatchObject({ type: 'run.finished', result: 'success', outputs: { pid: warm } });
      await until(() => runnerChildren().some((pid) => !before.has(pid) && pid !== warm), 'the runner warmed behind the run');
    } finally {
      await service.dispose();
    }
    const left = runnerChildren().filter((pid) => !before.has(pid) && alive(pid));
    expect(left).toEqual([]);
  });
});
