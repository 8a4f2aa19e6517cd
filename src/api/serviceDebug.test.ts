import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, makeScenario } from '../engine/testing/scenarios.js';
import type { RunEvent } from '../engine/types.js';
import { createService } from './service.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-service-debug-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('run.evaluate and run.reveal through the runner process', { timeout: 90_000 }, () => {
  it('answer in the paused scope, mask secrets in evaluations, and say so when the run is not paused', async () => {
    const service = createService({ dataDir: join(dir, 'data'), mode: 'browser' });
    try {
      const path = join(dir, 'main.scenario.json');
      const doc = makeScenario({
        name: 'Main',
        variables: [
          { name: 'n', type: 'number', default: 20, direction: 'out' },
          { name: 'pw', type: 'secret', default: 'open-sesame' },
        ],
        blocks: [{ id: 'start', type: 'core.start' }, { id: 'inc', type: 'core.assign', params: { assignments: [{ variable: 'n', value: { expr: 'n + 1' } }] } }],
        links: chain('start', 'inc'),
      });
      await writeFile(path, JSON.stringify(doc));
      const events: RunEvent[] = [];
      let onPause: () => void = () => undefined;
      const paused = new Promise<void>((resolve) => (onPause = resolve));
      let onEnd: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (onEnd = resolve));
      service.onEvent((event, payload) => {
        if (event !== 'run.event') return;
        const e = (payload as { event: RunEvent }).event;
        events.push(e);
        if (e.type === 'paused') onPause();
        if (e.type === 'run.finished') onEnd();
      });
      type Answer = { value?: unknown; error?: string };
      const ask = (command: 'run.evaluate' | 'run.reveal', args: Record<string, string>) => service.call(command, args) as Promise<Answer>;
      const { runId } = (await service.call('run.start', { path, mode: 'debug', breakpoints: [{ blockId: 'inc', condition: 'n > 10' }] })) as { runId: string };
      await paused;
      expect(await ask('run.evaluate', { runId, expression: 'n * 2' })).toEqual({ value: 40 });
      expect(await ask('run.evaluate', { runId, expression: '({ pw })' })).toEqual({ value: { pw: '••••••' } });
      expect((await ask('run.evaluate', { runId, expression: 'n +' })).error).toBeTruthy();
      expect(await ask('run.reveal', { runId, name: 'pw' })).toEqual({ value: 'open-sesame' });
      await service.call('run.debug', { runId, command: { type: 'continue' } });
      await finished;
      expect(events.find((e) => e.type === 'run.finished')).toMatchObject({ result: 'success', outputs: { n: 21 } });
      // Nothing logged the revealed secret.
      expect(JSON.stringify(events.filter((e) => e.type === 'log'))).not.toContain('open-sesame');
      // Finished: said at once (the run may still be settling, or already forgotten).
      const late = await ask('run.evaluate', { runId, expression: 'n' }).catch((err: Error): Answer => ({ error: err.message }));
      expect(late.error).toMatch(/has finished|No active run/);
    } finally {
      await service.dispose();
    }
  });
});
