import type { OrchestratorClient } from '../orchestrator/client.js';
import { isOrchestratorError } from '../orchestrator/errors.js';
import { text } from '../orchestrator/form.js';
import { ConsumeJobErrorCode, HeartbeatErrorCode } from '../orchestrator/protocol.js';
import type { Outbox, OutboxItem } from '../store/outbox.js';
import { createOutboxWorker, type DeliveryVerdict, type OutboxWorker } from '../store/outboxWorker.js';
import type { RobotJob, RobotLink } from './linkTypes.js';

/**
 * The robot's side of the Orchestrator protocol, on the real client. Which kind a job is gets
 * decided here: a process version with a package file (`process_file_name`, or `ProcessFileName`)
 * is a Cairn package; one without names a Python script of the vendor's framework.
 */

const PACKAGE_FILE_FIELDS = ['process_file_name', 'file_name'];

export function versionHasPackage(rawVersion: unknown): boolean {
  return PACKAGE_FILE_FIELDS.some((name) => text(rawVersion, name).trim() !== '');
}

/** Refused for good: retrying the same row can never succeed (job deleted, status refused). */
const REJECTED_KINDS = new Set(['rejected', 'notFound', 'tooLarge']);

/**
 * `client` makes the protocol calls (the agent and the outbox retry them on their own schedule);
 * `downloads` fetches packages and may retry by itself — a job already consumed should not fail
 * for one dropped connection.
 */
export function createRobotLink(client: OrchestratorClient, downloads: OrchestratorClient = client): RobotLink {
  return {
    robotGuid: client.robotGuid,
    orchestratorUrl: client.url,

    async heartbeat(status, job) {
      try {
        const answer = await client.heartbeat({ status, jobGuid: job?.guid, jobName: job?.name, jobType: job?.type });
        return { code: answer.errorCode, errorText: answer.errorText, hasNewJob: answer.hasNewJob };
      } catch (error) {
        if (isOrchestratorError(error, 'robotUnknown')) return { code: HeartbeatErrorCode.RobotNotFound, errorText: error.message, hasNewJob: false };
        throw error;
      }
    },

    async consumeNextJob() {
      let consumed;
      try {
        consumed = await client.consumeNextJob();
      } catch (error) {
        if (isOrchestratorError(error, 'robotUnknown')) return { code: ConsumeJobErrorCode.RobotNotFound, errorText: error.message, job: null };
        throw error;
      }
      if (!consumed) return { code: ConsumeJobErrorCode.NoNewJob, errorText: '', job: null };
      const job: RobotJob = {
        jobGuid: consumed.job.guid,
        jobName: consumed.job.name || consumed.version.name || consumed.job.guid,
        versionGuid: consumed.version.guid,
        versionName: consumed.version.name,
        hasPackage: versionHasPackage(consumed.version.raw),
        taskGuid: consumed.task?.guid ?? '',
        task: consumed.task?.raw ?? null,
        raw: { job: consumed.job.raw, processVersion: consumed.version.raw, task: consumed.task?.raw ?? null },
      };
      return { code: ConsumeJobErrorCode.NoError, errorText: '', job };
    },

    downloadVersion: (guid) => downloads.downloadVersion(guid),

    async deliver(item: OutboxItem) {
      switch (item.kind) {
        case 'jobStatus':
          await client.updateJob({ guid: item.jobGuid, status: item.status as Parameters<OrchestratorClient['updateJob']>[0]['status'] });
          return;
        case 'log':
          await client.createLog({ level: item.level, message: item.message, jobGuid: item.jobGuid, versionGuid: item.versionGuid, at: item.at });
          return;
        case 'screenshot':
          await client.uploadScreenshot({ jobGuid: item.jobGuid, pngBase64: item.pngBase64, note: item.note });
          return;
      }
    },

    classifyDeliveryError(error): DeliveryVerdict {
      if (error instanceof RangeError) return 'reject';
      return isOrchestratorError(error) && REJECTED_KINDS.has(error.kind) ? 'reject' : 'retry';
    },

    describeError: (error) => (error instanceof Error ? error.message : String(error)),
  };
}

/** The robot's outbox stream delivered through its link: rows in order, refusals classified by the link. */
export function linkOutboxWorker(link: RobotLink, outbox: Outbox, retry: { initialMs?: number; maxMs?: number } = {}): OutboxWorker {
  return createOutboxWorker({
    outbox,
    robotGuid: link.robotGuid,
    deliver: (item) => link.deliver(item),
    classify: (error) => link.classifyDeliveryError(error),
    retryInitialMs: retry.initialMs,
    retryMaxMs: retry.maxMs,
  });
}
