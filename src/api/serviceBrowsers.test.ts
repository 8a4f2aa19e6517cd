import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, makeScenario } from '../engine/testing/scenarios.js';
import type { RunEvent } from '../engine/types.js';
import { createService } from './service.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-service-browsers-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

type Browsers = { browsers: { endpoint: string; targetId: string; url: string }[] };

describe('run.browsers: a paused debug run reports its open browser through the runner process', { timeout: 90_000 }, () => {
  it('lists nothing before the browser opens, then its 127.0.0.1 endpoint and tab; the endpoint reaches the run’s page', async () => {
    const service = createService({ dataDir: join(dir, 'data'), mode: 'browser' });
    try {
      const path = join(dir, 'main.scenario.json');
      const page = 'data:text/html,<title>Run page</title><p id=state>reached</p>';
      const doc = makeScenario({
        name: 'Main',
        blocks: [
          { id: 'start', type: 'core.start' },
          { id: 'open', type: 'web.openBrowser', params: { url: page } },
          { id: 'look', type: 'web.waitForElement', params: { selector: '#state' } },
        ],
        links: chain('start', 'open', 'look'),
      });
      await writeFile(path, JSON.stringify(doc));
      const pauses: string[] = [];
      let waiting: (() => void) | undefined;
      let onEnd: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (onEnd = resolve));
      const events: RunEvent[] = [];
      service.onEvent((event, payload) => {
        if (event !== 'run.event') return;
        const e = (payload as { event: RunEvent }).event;
        events.push(e);
        if (e.type === 'paused') {
          pauses.push(e.blockId);
          waiting?.();
        }
        if (e.type === 'run.finished') onEnd();
      });
      const pausedAt = (block: string) => new Promise<void>((resolve) => (waiting = () => pauses.includes(block) && resolve()));
      const browsers = async (runId: string) => ((await service.call('run.browsers', { runId })) as Browsers).browsers;

      const atStart = pausedAt('start');
      const { runId } = (await service.call('run.start', { path, mode: 'debug', pauseOnStart: true, breakpoints: [{ blockId: 'look' }] })) as { runId: string };
      await atStart;
      expect(await browsers(runId)).toEqual([]);

      const atLook = pausedAt('look');
      await service.call('run.debug', { runId, command: { type: 'continue' } });
      await atLook;
      const open = await browsers(runId);
      expect(open).toEqual([{ endpoint: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//), targetId: expect.any(String), url: page }]);
      const other = await chromium.connectOverCDP(open[0].endpoint);
      try {
        const pages = other.contexts().flatMap((c) => c.pages());
        expect(await pages[0].title()).toBe('Run page');
      } finally {
        await other.close();
      }

      await service.call('run.debug', { runId, command: { type: 'continue' } });
      await finished;
      expect(events.find((e) => e.type === 'run.finished')).toMatchObject({ result: 'success' });
      // Gone with the run: nothing to attach to.
      expect(await browsers(runId)).toEqual([]);
    } finally {
      await service.dispose();
    }
  });
});
