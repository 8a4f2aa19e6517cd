import { describe, expect, it } from 'vitest';
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
