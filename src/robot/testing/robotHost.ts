// Test wiring for the Orchestrator blocks: they talk to the real emulator through the robot's own
// host services, as they do in a robot run (a robot test kit: it wires robot, engine and store).
import { hostRequestFor } from '../../engine/host.js';
import { OrchestratorClient } from '../../orchestrator/client.js';
import { createAdminClient, type AdminClient } from '../../orchestrator/emulator/admin-client.js';
import { startEmulator, type EmulatorHandle } from '../../orchestrator/emulator/server.js';
import { createRobotHostServices } from '../hostServices.js';
import { createJobJournal } from '../jobJournal.js';
import type { OutboxItem } from '../../store/outbox.js';
import type { BlockContext } from '../../activities/define.js';

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export type RobotHost = {
  emulator: EmulatorHandle;
  admin: AdminClient;
  /** What the run's journal wrote to the robot's outbox (log lines, screenshots), in order. */
  outbox: OutboxItem[];
  request: BlockContext['host']['request'];
  close(): Promise<void>;
};

/**
 * A real emulator on 127.0.0.1 with a registered robot, and the robot's host services over the
 * real Orchestrator client: assets, credentials and queues go over HTTP; log lines and screenshots
 * go to the job journal, whose outbox items are kept here for the test to read.
 */
export async function startRobotHost(): Promise<RobotHost> {
  const emulator = await startEmulator({ port: 0 });
  const admin = createAdminClient(emulator.url);
  const { guid: robotGuid } = await admin.addRobot('blocks test robot');
  const client = new OrchestratorClient({ url: emulator.url, robotGuid, retries: 0, timeoutMs: 5_000 });
  const outbox: OutboxItem[] = [];
  const journal = createJobJournal({ writer: { write: (item) => void outbox.push(item), flush: () => {} }, jobGuid: 'job-under-test' });
  const request = hostRequestFor(createRobotHostServices(client, journal));
  return {
    emulator,
    admin,
    outbox,
    request: <T>(method: string, params: unknown) => request(method, params) as Promise<T>,
    close: () => emulator.close(),
  };
}
