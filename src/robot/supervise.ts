import { HeartbeatErrorCode } from '../orchestrator/protocol.js';
import { sleep } from '../util/backoff.js';
import type { Execution, ExecutionOutcome } from './execution.js';

/**
 * Step 4 of the seed: while the job runs, heartbeat (Status 3) no more often than every
 * `intervalMs`, abort at once on code 10, stop properly on code 20. The interval is measured from
 * the END of the previous heartbeat, so the Orchestrator never sees two closer than that.
 */

export type SuperviseOptions = {
  execution: Execution;
  /** Sends one working heartbeat; resolves with its HeartbeatErrorCode. */
  heartbeat(): Promise<number>;
  intervalMs: number;
  /** When the last heartbeat (the Ready one before consumeNextJob) ended. */
  lastHeartbeatAt: number;
  /** The robot itself is shutting down: soft-stop the job. */
  signal: AbortSignal;
  /** The user wants the job killed now (a second Ctrl+C). */
  abortSignal?: AbortSignal;
  onCommand?(command: 'abort' | 'stop', source: 'orchestrator' | 'robot'): void;
  onHeartbeatError?(error: unknown): void;
  now?: () => number;
};

export async function superviseExecution(options: SuperviseOptions): Promise<ExecutionOutcome> {
  const { execution, intervalMs } = options;
  const now = options.now ?? Date.now;
  let finished = false;
  const finishedSignal = new AbortController();
  void execution.done.then(() => {
    finished = true;
    finishedSignal.abort();
  });

  let stopSent = false;
  const softStop = (source: 'orchestrator' | 'robot') => {
    if (stopSent) return;
    stopSent = true;
    options.onCommand?.('stop', source);
    execution.stop();
  };
  const onRobotStopping = () => softStop('robot');
  if (options.signal.aborted) onRobotStopping();
  else options.signal.addEventListener('abort', onRobotStopping, { once: true });
  const onRobotAborting = () => {
    options.onCommand?.('abort', 'robot');
    execution.abort();
  };
  if (options.abortSignal?.aborted) onRobotAborting();
  else options.abortSignal?.addEventListener('abort', onRobotAborting, { once: true });

  let last = options.lastHeartbeatAt;
  try {
    while (!finished) {
      await sleep(Math.max(0, last + intervalMs - now()), finishedSignal.signal);
      if (finished) break;
      try {
        const code = await options.heartbeat();
        if (code === HeartbeatErrorCode.JobAborting) {
          options.onCommand?.('abort', 'orchestrator');
          execution.abort();
        } else if (code === HeartbeatErrorCode.JobStopping) {
          softStop('orchestrator');
        }
      } catch (error) {
        // The job goes on while the Orchestrator is unreachable; its outbox keeps the logs.
        options.onHeartbeatError?.(error);
      }
      last = now();
    }
  } finally {
    options.signal.removeEventListener('abort', onRobotStopping);
    options.abortSignal?.removeEventListener('abort', onRobotAborting);
  }
  return execution.done;
}
