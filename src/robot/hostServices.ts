import { toHostServices, type HostImplementation } from '../engine/services.js';
import type { HostServices } from '../engine/types.js';
import type { OrchestratorClient } from '../orchestrator/client.js';
import { AssetType } from '../orchestrator/protocol.js';
import type { OutboxLogLevel } from '../store/outbox.js';
import type { JobJournal } from './jobJournal.js';

/**
 * The `orchestrator.*` host services of a robot run: assets, credentials and queues go to the
 * Orchestrator directly (the block needs the answer); log lines and screenshots go through the
 * job's journal (the outbox), so they survive an outage and stay in order with the job's status.
 */

const LEVELS: Record<'debug' | 'info' | 'warn' | 'error' | 'critical', OutboxLogLevel> = {
  debug: 'Debug',
  info: 'Info',
  warn: 'Warning',
  error: 'Error',
  critical: 'Critical',
};

export function createRobotHostServices(client: OrchestratorClient, journal: JobJournal): HostServices {
  const impl: HostImplementation = {
    async 'orchestrator.assetGet'({ name }) {
      const asset = await client.readAsset(name);
      // A credential's login is fine to hand out as text; its password only via credentialGet.
      return { name: asset.name || name, type: Number(asset.type), text: asset.text };
    },
    async 'orchestrator.assetSet'({ name, text }) {
      await client.updateAsset({ name, text });
    },
    async 'orchestrator.credentialGet'({ name }) {
      const asset = await client.readAsset(name);
      if (Number(asset.type) !== AssetType.Credentials) {
        throw new Error(`Orchestrator asset "${name}" is not a Credentials asset (type ${asset.type}); read it with "Get asset"`);
      }
      const password = asset.password ?? '';
      // Never let the password reach a log line the robot sends.
      journal.addSecret(password);
      return { login: asset.text ?? '', password };
    },
    async 'orchestrator.taskCreate'(params) {
      return client.createTask(params);
    },
    async 'orchestrator.taskNext'({ queueGuid }) {
      const task = await client.nextTask(queueGuid);
      return task ? { guid: task.guid, name: task.name, parameters: task.parameters, status: task.status } : null;
    },
    async 'orchestrator.taskSetStatus'({ guid, status, comment }) {
      await client.updateTask({ guid, status, comment });
    },
    async 'orchestrator.log'({ level, message }) {
      journal.log(LEVELS[level] ?? 'Info', message);
    },
    async 'orchestrator.screenshot'({ pngBase64, note }) {
      journal.screenshot(pngBase64, note);
    },
  };
  return toHostServices(impl);
}
