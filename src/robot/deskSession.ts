import { OrchestratorClient } from '../orchestrator/client.js';
import { isOrchestratorError } from '../orchestrator/errors.js';
import { JobType } from '../orchestrator/protocol.js';
import type { AppStore } from '../store/appStore.js';
import type { OutboxWorker } from '../store/outboxWorker.js';
import { createOutboxWriter, type OutboxWriter } from '../store/outboxWriter.js';
import type { DeskChange, DeskStatus } from './deskStatus.js';
import { describeError } from './deskStatus.js';
import type { DeskConnection, DeskConnectionState } from './deskTypes.js';
import { createRobotLink, linkOutboxWorker } from './link.js';
import type { RobotLink } from './linkTypes.js';
import { recoverInterruptedRuns } from './recovery.js';

/** One configured Orchestrator connection of the desk robot: its clients, outbox and poll loop. */
export type DeskSession = {
  connection: DeskConnection;
  link: RobotLink;
  services: OrchestratorClient;
  worker: OutboxWorker;
  writer: OutboxWriter;
  stop: AbortController;
  loop: Promise<void>;
};

export type SessionOptions = {
  store: AppStore;
  outboxRetryMaxMs?: number;
  warn?(line: string): void;
};

/** Settings saved again unchanged keep the session (and its running loop) as it is. */
export function sameConnection(session: DeskSession | null, connection: DeskConnection | null): boolean {
  return Boolean(
    session &&
      connection &&
      session.connection.url === connection.url &&
      session.connection.robotGuid === connection.robotGuid &&
      session.connection.insecureTls === connection.insecureTls,
  );
}

/**
 * The clients, outbox worker and writer of a new connection; delivery and the poll loop are the
 * caller's to start.
 * Heartbeats and deliveries get their own client without retries: the poll loop and the outbox
 * worker retry them with their own backoff (as `cairn robot` does); blocks' calls and package
 * downloads keep the client's retries.
 */
export function openDeskSession(connection: DeskConnection, options: SessionOptions): DeskSession {
  const { store } = options;
  const base = { url: connection.url, robotGuid: connection.robotGuid, insecure: connection.insecureTls, warn: options.warn };
  const control = new OrchestratorClient({ ...base, retries: 0, timeoutMs: 10_000 });
  const services = new OrchestratorClient(base);
  const link = createRobotLink(control, services);
  const worker = linkOutboxWorker(link, store.outbox, {
    maxMs: options.outboxRetryMaxMs,
    initialMs: options.outboxRetryMaxMs ? Math.min(500, options.outboxRetryMaxMs) : undefined,
  });
  const writer = createOutboxWriter({ outbox: store.outbox, robotGuid: link.robotGuid, onWritten: worker.wake });
  return { connection, link, services, worker, writer, stop: new AbortController(), loop: Promise.resolve() };
}

/** Starts delivering: first the reports of runs a killed app left behind, then whatever comes. */
export function startDelivery(session: DeskSession, store: AppStore): void {
  // Attended runs the app lost when it was killed: reported Failed behind their undelivered logs.
  recoverInterruptedRuns({ writer: session.writer, runs: store.runs, robotGuid: session.link.robotGuid });
  session.worker.start();
}

/** Stops the poll loop, then gives the outbox two seconds to deliver what is written. */
export async function closeDeskSession(session: DeskSession): Promise<void> {
  session.stop.abort();
  await session.loop;
  session.writer.flush();
  await session.worker.drain(2000);
  await session.worker.stop();
}

/** Heartbeats of attended runs; an Orchestrator that refuses JobType 2 gets plain ones after. */
export function attendedLink(s: DeskSession, status: DeskStatus, changed: (what: DeskChange) => void, onRefused: () => void): RobotLink {
  return {
    ...s.link,
    async heartbeat(robotStatus, job) {
      try {
        const answer = await s.link.heartbeat(robotStatus, status.attendedRefused() ? undefined : job);
        status.heard();
        if (status.fields().state !== 'connected') status.set('connected');
        return answer;
      } catch (error) {
        if (job?.type === JobType.Attended && !status.attendedRefused() && isOrchestratorError(error, 'rejected')) {
          status.refuseAttended();
          onRefused();
          changed('connection');
          return s.link.heartbeat(robotStatus);
        }
        status.set('unreachable', `${s.connection.url} does not answer: ${describeError(error)}`);
        throw error;
      }
    },
  };
}

/** The settings page's view of the connection, with the outbox's backlog and last delivery. */
export function connectionView(store: AppStore, status: DeskStatus): (s: DeskSession | null) => DeskConnectionState {
  const lastDelivery = store.db.prepare('SELECT MAX(delivered_at) AS at FROM outbox WHERE robot_guid = ? AND rejected = 0');
  return (s) => {
    const robotGuid = s?.connection.robotGuid ?? null;
    const delivered = robotGuid ? (lastDelivery.get(robotGuid) as { at: number | null }).at : null;
    return {
      ...status.fields(),
      url: s?.connection.url ?? null,
      robotGuid,
      insecureTls: s?.connection.insecureTls ?? false,
      backlog: robotGuid ? store.outbox.backlog(robotGuid) : 0,
      outboxError: s?.worker.state().lastError ?? null,
      lastDeliveryAt: delivered,
      attendedRefused: status.attendedRefused(),
    };
  };
}
