import { HeartbeatErrorCode, RobotStatus } from '../orchestrator/protocol.js';
import type { AppStore } from '../store/appStore.js';
import { sleep } from '../util/backoff.js';
import { syncPublishedProcesses } from './deskProcesses.js';
import type { DeskSession } from './deskSession.js';
import { describeError, type DeskChange, type DeskStatus } from './deskStatus.js';

export type PollDeps = {
  store: AppStore;
  dataDir: string;
  status: DeskStatus;
  changed(what: DeskChange): void;
};

/** One poll of an idle robot: a Ready heartbeat, then the published processes. */
export async function pollOrchestrator(s: DeskSession, deps: PollDeps): Promise<void> {
  const { status } = deps;
  try {
    const answer = await s.link.heartbeat(RobotStatus.Ready);
    status.heard();
    if (answer.code === HeartbeatErrorCode.RobotNotFound) {
      status.set('notRegistered', `Robot ${s.connection.robotGuid} is not registered on ${s.connection.url}`);
      return;
    }
    status.set('connected');
  } catch (error) {
    status.set('unreachable', `${s.connection.url} does not answer: ${describeError(error)}`);
    return;
  }
  try {
    await syncPublishedProcesses(s, deps.store, deps.dataDir, () => deps.changed('processes'));
  } catch (error) {
    status.set('connected', `Could not read the published processes: ${describeError(error)}`);
  }
}

/** Polls every `pollMs` until the session stops; `busy` while a run goes. */
export async function pollWhileIdle(s: DeskSession, deps: PollDeps, pollMs: number, busy: () => boolean): Promise<void> {
  while (!s.stop.signal.aborted) {
    // A run heartbeats by itself (Status 3); a Ready heartbeat in between would lie.
    if (!busy()) await pollOrchestrator(s, deps);
    await sleep(pollMs, s.stop.signal);
  }
}
