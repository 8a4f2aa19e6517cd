import type { EventName, EventPayload } from '../src/api/contract.js';

/** What the tray shows about the robot: idle, or which scenarios are running. */
export type TrayStatus = { running: Map<string, string>; label: string };

export const idleTray = (): TrayStatus => ({ running: new Map(), label: 'Robot: idle' });

function labelOf(running: Map<string, string>): string {
  if (running.size === 0) return 'Robot: idle';
  const names = [...running.values()];
  return names.length === 1 ? `Robot: running ${names[0]}` : `Robot: running ${names.length} scenarios`;
}

/** Follows run events into the tray's status (pure: tested without Electron). */
export function nextTrayStatus<E extends EventName>(
  status: TrayStatus,
  event: E,
  payload: EventPayload<E>,
): TrayStatus {
  if (event !== 'run.event') return status;
  const { runId, event: runEvent } = payload as EventPayload<'run.event'>;
  if (runEvent.type !== 'run.started' && runEvent.type !== 'run.finished') return status;
  const running = new Map(status.running);
  if (runEvent.type === 'run.started') running.set(runId, runEvent.name);
  else running.delete(runId);
  return { running, label: labelOf(running) };
}
