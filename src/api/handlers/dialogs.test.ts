import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../testing/until.js';
import { cleanUp, startProject } from '../testing/serviceHarness.js';
import type { Emit } from '../context.js';
import { events, type EventName } from '../contract.js';
import { createDialogBroker } from './dialogs.js';

function recordingEmit() {
  const sent: { event: EventName; payload: unknown }[] = [];
  const emit: Emit = (event, payload) => {
    events[event].parse(payload); // every event the broker sends fits the contract
    sent.push({ event, payload });
  };
  return { emit, sent };
}

describe('dialogs asked by blocks', () => {
  it('become dialog.request events and resolve with the checked answer', async () => {
    const { emit, sent } = recordingEmit();
    const broker = createDialogBroker(emit);
    const services = broker.servicesFor(() => 'run-1');

    const confirmed = services['dialog.confirm']!({ title: 'Delete?', message: 'Delete 3 files?' });
    const request = sent[0].payload as { requestId: string; method: string; runId: string };
    expect(request).toMatchObject({ method: 'dialog.confirm', runId: 'run-1', params: { title: 'Delete?' } });

    expect(() => broker.answer(request.requestId, 'yes')).toThrow(/does not fit dialog.confirm/);
    broker.answer(request.requestId, true);
    await expect(confirmed).resolves.toBe(true);
    expect(sent[1]).toEqual({ event: 'dialog.closed', payload: { requestId: request.requestId } });
    expect(() => broker.answer(request.requestId, true)).toThrow(/No open dialog/);
  });

  it('closes the dialogs of a run that ended and fails the waiting block', async () => {
    const { emit, sent } = recordingEmit();
    const broker = createDialogBroker(emit);
    const input = broker.servicesFor(() => 'run-2')['dialog.input']!({
      title: 'Login',
      fields: [{ name: 'user', label: 'User', type: 'text' }],
    });
    const other = broker.servicesFor(() => 'run-3')['dialog.chooseFile']!({ title: 'Pick' });

    broker.cancelRun('run-2');

    await expect(input).rejects.toThrow(/closed because the run ended/);
    expect(sent.map((s) => s.event)).toEqual(['dialog.request', 'dialog.request', 'dialog.closed']);
    broker.answer((sent[1].payload as { requestId: string }).requestId, '/tmp/a.xlsx');
    await expect(other).resolves.toBe('/tmp/a.xlsx');
  });
});

afterEach(cleanUp);

describe('dialogs through the service', () => {
  it('asks the user through dialog.request and gives the block the answer from dialog.answer', async () => {
    const { call, events, path, doc } = await startProject();
    const ask =
      "const ok = await ctx.host.request('dialog.confirm', { title: 'Go?', message: 'Delete 3 files?' }); log('answer: ' + ok);";
    await call('scenario.save', {
      path,
      doc: {
        ...doc,
        blocks: [
          { id: 'start', type: 'core.start', at: [0, 0] },
          { id: 'ask', type: 'core.script', at: [0, 100], params: { code: ask } },
        ],
        links: [{ from: 'start', port: 'next', to: 'ask' }],
      },
    });

    const { runId } = await call('run.start', { path });
    const request = await until(() => events.find((e) => e.event === 'dialog.request'), 'dialog.request');
    expect(request.payload).toMatchObject({
      runId,
      method: 'dialog.confirm',
      params: { title: 'Go?', message: 'Delete 3 files?' },
    });
    await expect(
      call('dialog.answer', {
        requestId: (request.payload as { requestId: string }).requestId,
        result: 'maybe',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_args',
    });
    await call('dialog.answer', {
      requestId: (request.payload as { requestId: string }).requestId,
      result: true,
    });

    const payloads = () =>
      events
        .filter((e) => e.event === 'run.event')
        .map((e) => (e.payload as { event: { type: string; message?: string; result?: string } }).event);
    const finished = await until(() => payloads().find((e) => e.type === 'run.finished'), 'run.finished');
    expect(finished.result).toBe('success');
    expect(payloads().some((e) => e.type === 'log' && e.message === 'answer: true')).toBe(true);
  });
});
