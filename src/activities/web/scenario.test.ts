import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario, startScenario } from '../../engine/testing/scenarios.js';
import { startTestSite, type TestSite } from './testing/site.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(() => site.close());

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('web blocks in a scenario run by the engine', () => {
  it('fills and sends a form, takes a missing element down the error port, and closes the browser at the end', async () => {
    const doc = makeScenario({
      variables: [
        { name: 'site', type: 'text', direction: 'in' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'open', type: 'web.openBrowser', params: { url: { expr: "site + '/form'" } }, outputs: { browser: 'browser' } },
        { id: 'name', type: 'web.fill', params: { browser: { expr: 'browser' }, by: 'label', selector: 'Full name', value: 'Из сценария' } },
        { id: 'send', type: 'web.click', params: { browser: { expr: 'browser' }, selector: 'text=Send' } },
        { id: 'thanks', type: 'web.waitForText', params: { browser: { expr: 'browser' }, text: 'Thank you' } },
        {
          id: 'missing',
          type: 'web.click',
          params: { browser: { expr: 'browser' }, selector: '#does-not-exist', timeoutMs: 200 },
          onError: 'handle',
          errorVariable: 'problem',
        },
      ],
      links: chain('start', 'open', 'name', 'send', 'thanks', 'missing'),
    });
    const { summary, events } = await runScenario(doc, { args: { site: site.url } });
    expect(summary.error).toBeUndefined();
    expect(summary.result).toBe('success');
    expect(site.submissions).toContainEqual(expect.objectContaining({ name: 'Из сценария' }));
    expect(summary.outputs.problem).toMatchObject({
      blockId: 'missing',
      code: 'SELECTOR_NOT_FOUND',
      message: expect.stringContaining('selector "#does-not-exist" matched nothing after 200 ms'),
    });
    const spawned = events.flatMap((e) => (e.type === 'process.spawned' ? [e.pid] : []));
    expect(spawned).toHaveLength(1);
    const deadline = Date.now() + 10_000;
    while (isAlive(spawned[0]) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    expect(isAlive(spawned[0])).toBe(false);
  });

  it('kills the browser when the run is aborted in the middle of a wait', async () => {
    const doc = makeScenario({
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'open', type: 'web.openBrowser', params: { url: 'data:text/html,<p>waiting</p>' } },
        { id: 'wait', type: 'web.waitForElement', params: { selector: '#never', timeoutMs: 120_000 } },
      ],
      links: chain('start', 'open', 'wait'),
    });
    const handle = startScenario(doc, { trace: true }); // trace: block.started events
    const pids: number[] = [];
    handle.onEvent((event) => {
      if (event.type === 'process.spawned') pids.push(event.pid);
      if (event.type === 'block.started' && event.blockId === 'wait') handle.abort();
    });
    const summary = await handle.done;
    expect(summary.result).toBe('aborted');
    expect(pids).toHaveLength(1);
    const deadline = Date.now() + 10_000;
    while (isAlive(pids[0]) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    expect(isAlive(pids[0])).toBe(false);
  });
});
