import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../orchestrator/emulator/server.js';
import { adminApi, tempDir, writeProject } from '../../robot/testing/kit.js';
import type { EventPayload } from '../contract.js';
import { createService, type ApiService } from '../service.js';

let dir: string;
let emulator: EmulatorHandle;
let service: ApiService;
const admin = adminApi(() => emulator.url);

beforeEach(async () => {
  dir = await tempDir('designer-orchestrator');
  emulator = await startEmulator({ port: 0, dbFile: path.join(dir, 'emulator.sqlite') });
  service = createService({ dataDir: path.join(dir, 'data'), mode: 'browser' });
});
afterEach(async () => {
  await service.dispose();
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function runToEnd(scenarioPath: string): Promise<{ finished: Extract<EventPayload<'run.event'>['event'], { type: 'run.finished' }>; logs: string[] }> {
  const logs: string[] = [];
  let runId = '';
  const finished = new Promise<Extract<EventPayload<'run.event'>['event'], { type: 'run.finished' }>>((resolve) => {
    service.onEvent((event, payload) => {
      if (event !== 'run.event') return;
      const { runId: id, event: runEvent } = payload as EventPayload<'run.event'>;
      if (id !== runId) return;
      if (runEvent.type === 'log') logs.push(runEvent.message);
      if (runEvent.type === 'run.finished') resolve(runEvent);
    });
  });
  runId = ((await service.call('run.start', { path: scenarioPath })) as { runId: string }).runId;
  return { finished: await finished, logs };
}

describe('Designer runs and the Orchestrator', () => {
  it('give Orchestrator blocks the connection from settings, or say how to set it', async () => {
    const projectDir = await writeProject(
      path.join(dir, 'p'),
      'p',
      [
        { id: 'start', type: 'core.start' },
        { id: 'read', type: 'orchestrator.getAsset', params: { name: 'city' }, outputs: { value: 'city' } },
        { id: 'say', type: 'core.log', params: { message: { expr: "'city ' + city" } } },
      ],
      [
        { from: 'start', to: 'read' },
        { from: 'read', to: 'say' },
      ],
      [{ name: 'city', type: 'text' }],
    );
    const scenario = path.join(projectDir, 'main.scenario.json');
    const without = await runToEnd(scenario);
    expect(without.finished.result).toBe('failed');
    expect(without.finished.error?.message).toContain('under Orchestrator… in the Designer');

    const robotGuid = await admin.robot('designer');
    await admin.asset({ name: 'city', type: 2, text: 'Казань' });
    await service.call('settings.set', { orchestrator: { url: emulator.url, robotGuid } });
    const connected = await runToEnd(scenario);
    expect(connected.finished.result).toBe('success');
    expect(connected.logs).toContain('city Казань');
  }, 60_000);
});
