import { z } from 'zod';

/**
 * The debugger's questions to a paused run, answered with a value: the Console and Watch
 * evaluate an expression in the paused block's scope; Variables reveals a secret on request.
 * Spread into `commands` of contract.ts. An answer is `{ value }` or `{ error }`, never a throw:
 * a typo in a watch is an ordinary outcome, shown next to the expression.
 */
const runId = z.string().min(1);
const answer = z.object({ value: z.unknown().optional(), error: z.string().optional() });

export const debugCommands = {
  /** Evaluates a JavaScript expression over the paused scenario's variables (secrets redacted). */
  'run.evaluate': { args: z.object({ runId, expression: z.string().min(1).max(10_000) }), result: answer },
  /** A secret variable's value, for the paused Designer only: the answer goes to the asking UI, never to a log. */
  'run.reveal': { args: z.object({ runId, name: z.string().min(1) }), result: answer },
};
