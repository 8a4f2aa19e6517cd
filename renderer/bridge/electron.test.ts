import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import type { CallOutcome, PreloadApi } from '../../src/api/wire.js';
import { createBridge } from './bridge.js';
import { createElectronTransport } from './electron.js';

/** What main/preload.ts exposes, with main's answers scripted per command. */
function preloadAnswering(answers: Record<string, CallOutcome>) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const api: PreloadApi = {
    call: async (command) => answers[command],
    on(event, listener) {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { api, emit: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

describe('the Electron bridge', () => {
  it('unwraps results, rebuilds errors with their code and delivers events', async () => {
    const preload = preloadAnswering({
      'project.recent': {
        ok: true,
        result: [{ dir: '/p', name: 'P', openedAt: '2026-01-01T00:00:00.000Z' }],
      },
      'scenario.save': { ok: false, error: { code: 'conflict', message: 'changed on disk' } },
    });
    const bridge = createBridge(() => createElectronTransport(preload.api));

    expect(bridge.mode).toBe('electron');
    expect(await bridge.call('project.recent')).toEqual([
      { dir: '/p', name: 'P', openedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    const error = await bridge
      .call('scenario.save', {
        path: '/p/a.scenario.json',
        doc: { format: 'cairn.scenario/1', id: 'a', name: 'A', variables: [], blocks: [], links: [] },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'conflict', message: 'changed on disk' });

    const changed: string[] = [];
    const off = bridge.on('file.changed', ({ path }) => changed.push(path));
    preload.emit('file.changed', { path: '/p/a.scenario.json' });
    off();
    preload.emit('file.changed', { path: '/p/b.scenario.json' });
    expect(changed).toEqual(['/p/a.scenario.json']);
  });
});
