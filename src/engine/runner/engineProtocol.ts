import type { HostErrorCode } from '../../activities/hostMethods.js';
import type { DebugCommand, RunEvent, RunRequest } from '../types.js';
import type { MessagePort } from 'node:worker_threads';

/**
 * Between the runner's main thread (child.ts) and its engine thread (engineWorker.ts). Events
 * travel on their own MessagePort so the main thread can drain every one the engine posted even
 * after it ended the engine thread; the shared buffer holds the stop flag and a count of events
 * written to the parent (backpressure).
 */

export type EngineWorkerData = {
  /** Int32 [0] the stop flag (../stopFlag.ts), Int32 [1] events written to the parent so far. */
  shared: SharedArrayBuffer;
  events: MessagePort;
};

export type ToEngine =
  | { t: 'start'; runId: string; request: RunRequest }
  | { t: 'stop' }
  | { t: 'debug'; command: DebugCommand }
  | { t: 'host.response'; id: number; ok: true; value: unknown }
  | { t: 'host.response'; id: number; ok: false; error: { message: string; code: HostErrorCode } };

export type FromEngine = { t: 'event'; event: RunEvent } | { t: 'host.request'; id: number; method: string; params: unknown };

export const SHARED_BYTES = 8;
export const stopFlagOf = (shared: SharedArrayBuffer): Int32Array => new Int32Array(shared, 0, 1);
export const writtenCountOf = (shared: SharedArrayBuffer): Int32Array => new Int32Array(shared, 4, 1);
