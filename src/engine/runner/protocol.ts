import type { HostErrorCode } from '../../activities/hostMethods.js';
import type { DebugCommand, RunEvent, RunRequest } from '../types.js';

/**
 * The runner process protocol. Parent → runner: start once, then stop / debug commands and
 * answers to host requests. Runner → parent: events in batches and host requests (`ctx.host`).
 * Abort is a message first (the runner ends the engine thread, sends what was logged, and kills
 * its process group); the parent kills the group itself if the runner does not go in time.
 */
export type ToRunner =
  | { t: 'start'; runId: string; request: RunRequest }
  | { t: 'stop' }
  | { t: 'abort' }
  | { t: 'debug'; command: DebugCommand }
  | { t: 'host.response'; id: number; ok: true; value: unknown }
  | { t: 'host.response'; id: number; ok: false; error: { message: string; code: HostErrorCode } };

export type FromRunner =
  | { t: 'events'; events: RunEvent[] }
  | { t: 'host.request'; id: number; method: string; params: unknown };
