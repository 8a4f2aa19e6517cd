import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/schema.js';
import { cleanUp, startProject, startService } from '../testing/serviceHarness.js';
import { until } from '../../testing/until.js';

afterEach(cleanUp);

describe('Designer runs through the service', () => {
  it('runs a saved scenario in the runner process and streams its events', async () => {
    const { call, events, path, doc, rev } = await startProject();
    const hello: Scenario = {
      ...doc,
      variables: [{ name: 'who', type: 'text', direction: 'in', default: 'world' }],
      blocks: [
        { id: 'start', type: 'core.start', at: [0, 0] },
        { id: 'greet', type: 'core.log', at: [0, 100], params: { message: { expr: "'Hello, ' + who" } } },
      ],
      links: [{ from: 'start', port: 'next', to: 'greet' }],
    };
    await call('scenario.save', { path, doc: hello, baseRev: rev });

    const { runId } = await call('run.start', { path, args: { who: 'Cairn' } });
    const runEvents = () =>
      events
        .filter((e) => e.event === 'run.event')
        .map(
          (e) => e.payload as { runId: string; event: { type: string; message?: string; result?: string } },
        );
    const finished = await until(
      () => runEvents().find((e) => e.event.type === 'run.finished'),
      'run.finished',
    );

    expect(finished).toMatchObject({ runId, event: { result: 'success' } });
    expect(runEvents().some((e) => e.event.type === 'log' && e.event.message === 'Hello, Cairn')).toBe(true);
    expect(runEvents()[0].event.type).toBe('run.started');
  });

  it('stops a run that would never end', async () => {
    const { call, events, path, doc } = await startProject();
    await call('scenario.save', {
      path,
      doc: {
        ...doc,
        blocks: [
          { id: 'start', type: 'core.start', at: [0, 0] },
          { id: 'forever', type: 'core.while', at: [0, 100], params: { condition: { expr: 'true' } } },
          { id: 'wait', type: 'core.delay', at: [0, 200], params: { ms: 20 } },
        ],
        links: [
          { from: 'start', port: 'next', to: 'forever' },
          { from: 'forever', port: 'body', to: 'wait' },
        ],
      },
    });

    const { runId } = await call('run.start', { path });
    await until(() => events.find((e) => e.event === 'run.event'), 'the run to start');
    await call('run.stop', { runId });
    const finished = await until(
      () =>
        events
          .map((e) => e.payload as { event?: { type: string; result?: string } })
          .find((p) => p.event?.type === 'run.finished'),
      'run.finished',
    );
    expect(finished.event?.result).toBe('stopped');
    await expect(call('run.abort', { runId: 'no-such-run' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a block that never returns is aborted after the stop grace set in settings.runner', async () => {
    const { call, root, events } = await startService();
    await call('settings.set', { runner: { stopGraceMs: 500 } });
    const dir = join(root, 'p');
    await call('project.new', { dir, name: 'P' });
    const path = join(dir, 'main.scenario.json');
    const { doc } = await call('scenario.read', { path });
    await call('scenario.save', {
      path,
      doc: {
        ...doc,
        blocks: [
          { id: 'start', type: 'core.start', at: [0, 0] },
          {
            id: 'spin',
            type: 'core.script',
            at: [0, 100],
            params: { code: "log('spinning'); while (true) {}" },
          },
        ],
        links: [{ from: 'start', port: 'next', to: 'spin' }],
      },
    });
    const payloads = () =>
      events
        .filter((e) => e.event === 'run.event')
        .map(
          (e) =>
            e.payload as {
              event: { type: string; message?: string; result?: string; error?: { message: string } };
            },
        );
    const { runId } = await call('run.start', { path });
    await until(() => payloads().find((p) => p.event.message === 'spinning'), 'the block to spin');
    await call('run.stop', { runId });
    const finished = await until(
      () => payloads().find((p) => p.event.type === 'run.finished'),
      'run.finished',
    );
    expect(finished.event.result).toBe('aborted');
    expect(finished.event.error?.message).toContain('stop grace of 0.5 s');
  });
});
