import type { DeskConnectionState } from './deskTypes.js';

export type DeskChange = 'connection' | 'processes' | 'history';

type StatusFields = Pick<DeskConnectionState, 'state' | 'since' | 'message' | 'lastHeartbeatAt'>;

/**
 * What the settings page shows of the connection: its state, since when it holds, the last
 * heartbeat and whether attended-run reports were refused. Only a real change is announced, so
 * a poll that finds everything as it was does not redraw the page.
 */
export type DeskStatus = {
  fields(): StatusFields;
  set(next: DeskConnectionState['state'], message?: string): void;
  /** An answered heartbeat. */
  heard(): void;
  attendedRefused(): boolean;
  refuseAttended(): void;
  /** A new connection starts trusting the Orchestrator with JobType 2 again. */
  resetAttended(): void;
};

export function createDeskStatus(changed: (what: DeskChange) => void): DeskStatus {
  let fields: StatusFields = { state: 'notConfigured', since: null, message: '', lastHeartbeatAt: null };
  let attendedRefused = false;
  return {
    fields: () => fields,
    set(next, message = '') {
      const before = fields;
      fields = { ...fields, state: next, message, since: before.state === next ? before.since : Date.now() };
      if (before.state !== next || before.message !== message) changed('connection');
    },
    heard() {
      fields.lastHeartbeatAt = Date.now();
    },
    attendedRefused: () => attendedRefused,
    refuseAttended() {
      attendedRefused = true;
    },
    resetAttended() {
      attendedRefused = false;
    },
  };
}

export const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));
