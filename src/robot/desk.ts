import { MIN_WORKING_HEARTBEAT_MS } from '../store/robotSettings.js';
import { pollOrchestrator, pollWhileIdle } from './deskPoll.js';
import { startDeskRun } from './deskRun.js';
import { closeDeskSession, connectionView, openDeskSession, sameConnection, startDelivery, type DeskSession } from './deskSession.js';
import { createDeskStatus, type DeskChange } from './deskStatus.js';
import type { DeskConnection, DeskOptions, DeskRobot, DeskRun, DeskRunOptions } from './deskTypes.js';

/**
 * The Assistant's robot on this desk: the Orchestrator connection it watches (a Ready heartbeat
 * every poll while idle), the published processes it lists (current version downloaded and cached
 * like `cairn robot` does), the durable outbox its attended runs report through, and the run
 * history it keeps. Without a connection runs still work and are kept in the history; they are
 * just not reported, and Orchestrator blocks say how to connect.
 *
 * This file ties the parts together: the connection's status (deskStatus.ts), its clients and
 * outbox (deskSession.ts), the idle poll and process list (deskPoll.ts, deskProcesses.ts) and
 * runs (deskRun.ts).
 */

export type { DeskConnection, DeskConnectionState, DeskOptions, DeskRobot, DeskRun, DeskRunOptions } from './deskTypes.js';

export function createDeskRobot(options: DeskOptions): DeskRobot {
  const { store } = options;
  const pollMs = options.pollIntervalMs ?? 10_000;
  const floor = options.testOnlyWorkingHeartbeatFloorMs ?? MIN_WORKING_HEARTBEAT_MS;
  const workingHeartbeatMs = Math.max(options.workingHeartbeatMs ?? MIN_WORKING_HEARTBEAT_MS, floor);
  const changed = (what: DeskChange) => options.onChange?.(what);
  const status = createDeskStatus(changed);
  let session: DeskSession | null = null;
  let current: DeskRun | null = null;
  const view = connectionView(store, status);
  const pollDeps = { store, dataDir: options.dataDir, status, changed };

  async function endSession(): Promise<void> {
    const s = session;
    session = null;
    if (s) await closeDeskSession(s);
  }

  function configure(connection: DeskConnection | null): void {
    if (sameConnection(session, connection)) return;
    void endSession();
    status.resetAttended();
    if (!connection) {
      status.set('notConfigured');
      return;
    }
    const next = openDeskSession(connection, options);
    session = next;
    status.set('connecting', `Connecting to ${connection.url}…`);
    startDelivery(next, store);
    next.loop = pollWhileIdle(next, pollDeps, pollMs, () => current !== null);
  }

  function start(run: DeskRunOptions): DeskRun {
    if (current) throw new Error(`The robot is busy with "${current.name}"; wait for it to finish or stop it first`);
    const deskRun = startDeskRun({ ...options, session, status, workingHeartbeatMs, changed }, run);
    current = deskRun;
    void deskRun.done.finally(() => {
      if (current === deskRun) current = null;
      changed('history');
    });
    return deskRun;
  }

  store.assistant.closeInterrupted('The Assistant stopped while this run was going (the app was closed or crashed).');

  return {
    configure,
    connection: () => view(session),
    async refresh() {
      if (session && !current) await pollOrchestrator(session, pollDeps);
    },
    start,
    active: () => current,
    async close() {
      if (current) {
        current.handle.abort();
        await current.done.catch(() => undefined);
      }
      await endSession();
    },
  };
}
