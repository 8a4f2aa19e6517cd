import type { HostServices } from '../engine/types.js';
import { OrchestratorClient } from '../orchestrator/client.js';
import { REDACTED } from '../scenario/values.js';
import { disconnectedOrchestratorServices } from './disconnected.js';
import { createRobotHostServices } from './hostServices.js';
import type { JobJournal } from './jobJournal.js';

/**
 * Orchestrator blocks outside robot jobs and the Assistant: `cairn run --orchestrator URL --guid G`
 * and Designer runs with a connection in settings. Assets, credentials and queues go to the
 * Orchestrator as in robot runs; log lines and screenshots are sent in order as they come (no
 * outbox: these runs are not reported as jobs, so nothing waits on their delivery), and `settle()`
 * waits for the last of them. Without a connection every block says how to connect.
 */

export type OrchestratorConnection = { url: string; robotGuid: string; insecureTls?: boolean };

export type ConnectedServices = { services: HostServices; settle(): Promise<void> };

export function orchestratorServicesFor(
  connection: OrchestratorConnection | null,
  options: { runGuid: string; howToConnect: string; warn?(line: string): void },
): ConnectedServices {
  if (!connection) return { services: disconnectedOrchestratorServices(options.howToConnect), settle: async () => {} };
  const client = new OrchestratorClient({ url: connection.url, robotGuid: connection.robotGuid, insecure: connection.insecureTls, warn: options.warn });
  let chain: Promise<void> = Promise.resolve();
  const secrets = new Set<string>();
  const redact = (text: string) => [...secrets].reduce((result, secret) => result.split(secret).join(REDACTED), text);
  const send = (what: string, task: () => Promise<unknown>) => {
    chain = chain.then(
      () => task().then(() => undefined),
      () => undefined,
    ).catch((error: unknown) => options.warn?.(`Orchestrator ${what} not delivered: ${error instanceof Error ? error.message : String(error)}`));
  };
  const journal: JobJournal = {
    jobGuid: options.runGuid,
    log: (level, message) => send('log line', () => client.createLog({ level, message: redact(message), jobGuid: options.runGuid })),
    status: () => {},
    screenshot: (pngBase64, note) => send('screenshot', () => client.uploadScreenshot({ jobGuid: options.runGuid, pngBase64, note })),
    addSecret: (value) => {
      if (value.length >= 3) secrets.add(value);
    },
  };
  return { services: createRobotHostServices(client, journal), settle: () => chain };
}
