import type { RunResult } from '../engine/types.js';
import type { OutboxLogLevel } from '../store/outbox.js';

/**
 * What the agent needs from a running job, whatever runs it (a Cairn scenario in the engine's
 * runner process, or a Python script of the vendor's framework).
 */
export type ExecutionOutcome = { result: RunResult; error?: string };

export type Execution = {
  /** Soft stop: let the job finish its current step and clean up. */
  stop(): void;
  /** Hard stop: kill it now, with every process it started. */
  abort(): void;
  readonly done: Promise<ExecutionOutcome>;
};

/** Where a job's output goes: the agent writes it to the outbox with the job's GUID. */
export type ExecutionLog = (level: OutboxLogLevel, message: string) => void;
