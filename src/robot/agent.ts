import type { RunRequest } from '../engine/types.js';
import { createAgentContext, type RobotAgentOptions } from './agentContext.js';
import { runAgentLoop } from './agentLoop.js';
import { startAttendedRun, type AttendedRun } from './attended.js';
import { createFastFailureGuard } from './fastFailures.js';
import type { AgentStatus } from './status.js';

/**
 * The robot agent: the seed's algorithm (shared/seeds/004), as a long-running loop.
 *   1. heartbeat(Status 2)           — 101: "not registered", retried with backoff
 *   2. HasNewJob=1 → consumeNextJob  — 102: back to waiting
 *   3–5. run the job (jobRunner.ts)  — job/update(8), working heartbeats, job/update(final)
 *   6. heartbeat(Status 2), back to 2
 * Everything but heartbeats and consumeNextJob goes through the durable outbox.
 *
 * The parts: what they share (agentContext.ts), the loop (agentLoop.ts), heartbeats and waits
 * (agentWaits.ts), job intake (jobIntake.ts), running a job (agentJob.ts), the pause after jobs
 * that fail at once (fastFailures.ts).
 */

export type { RobotAgentOptions } from './agentContext.js';

export type RobotAgent = {
  /** Runs until stop() (or, with `once`, until there is no job). Resolves with an exit code. */
  run(): Promise<number>;
  /** Soft-stops a running job, delivers what it can, and ends run(). */
  stop(): Promise<void>;
  /** Aborts a running job at once (a second Ctrl+C). */
  abortJob(): void;
  status(): AgentStatus;
  /** The effective interval of working heartbeats (never below 10 s outside tests). */
  readonly workingHeartbeatMs: number;
  /** A run the user started locally, reported as attended (JobType 2). */
  runAttended(request: RunRequest): AttendedRun;
};

export function createRobotAgent(options: RobotAgentOptions): RobotAgent {
  const ctx = createAgentContext(options);
  const { link, store, status, worker, writer, workingHeartbeatMs } = ctx;
  const fastFailures = createFastFailureGuard(ctx);
  let loop: Promise<number> | null = null;

  /** A run the user started here: refused while a job or another run goes. */
  function runAttended(request: RunRequest): AttendedRun {
    if (ctx.now.busyWithJob || ctx.now.attended) {
      const job = status.get().job;
      throw new Error(`Robot ${link.robotGuid} is busy${job ? ` with ${job.name} (${job.guid})` : ''}; try again when it is done`);
    }
    // Attended runs report even when the job loop is not running.
    worker.start();
    const run = startAttendedRun(
      {
        link,
        writer,
        runs: store.runs,
        startRun: options.startRun,
        hostServices: (journal) => options.hostServices(journal),
        workingHeartbeatMs,
        signal: ctx.stopping.signal,
      },
      request,
    );
    ctx.now.attended = run;
    status.set({ state: 'working', job: { guid: run.runGuid, name: run.name, kind: 'attended' } });
    void run.reported.finally(() => {
      ctx.now.attended = null;
      status.set({ state: 'idle', job: null });
    });
    return run;
  }

  return {
    run() {
      loop ??= runAgentLoop(ctx, fastFailures);
      return loop;
    },
    async stop() {
      if (status.get().state !== 'stopped') status.set({ state: 'stopping' });
      ctx.stopping.abort();
      await loop;
      await ctx.now.attended?.reported;
      writer.flush();
      await worker.stop();
      status.set({ state: 'stopped', job: null });
    },
    abortJob: () => ctx.now.abortJob?.(),
    status: () => status.get(),
    workingHeartbeatMs,
    runAttended,
  };
}
