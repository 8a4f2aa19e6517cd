import { HostError, type HostErrorCode } from '../activities/hostMethods.js';
import { toHostServices, type HostImplementation } from '../engine/services.js';
import type { HostServices } from '../engine/types.js';
import type { OrchestratorClient } from '../orchestrator/client.js';
import { OrchestratorError, type OrchestratorErrorKind } from '../orchestrator/errors.js';
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

/** What a block can do about a client failure, by its kind (the rest: FAILED, with the client's message). */
const CODE_OF_KIND: Partial<Record<OrchestratorErrorKind, HostErrorCode>> = {
  notFound: 'NOT_FOUND',
  unreachable: 'UNREACHABLE',
  timeout: 'TIMEOUT',
  unauthorized: 'UNAUTHORIZED',
  robotUnknown: 'UNAUTHORIZED',
};

/** Each method's client errors as HostErrors with a code, so they cross the runner boundary intact. */
function withHostErrors(impl: HostImplementation): HostImplementation {
  const wrapped: Record<string, (params: never) => Promise<unknown>> = {};
  for (const [method, call] of Object.entries(impl) as [string, (params: never) => Promise<unknown>][]) {
    wrapped[method] = async (params) => {
      try {
        return await call(params);
      } catch (error) {
        if (error instanceof OrchestratorError) throw new HostError(error.message, CODE_OF_KIND[error.kind] ?? 'FAILED');
        throw error;
      }
    };
  }
  return wrapped;
}

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
  return toHostServices(withHostErrors(impl));
}
