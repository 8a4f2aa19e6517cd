import { z } from 'zod';

/**
 * The debugger's questions to a paused run, answered with a value: the Console and Watch
 * evaluate an expression in the paused block's scope; Variables reveals a secret on request.
 * Spread into `commands` of contract.ts. An answer is `{ value }` or `{ error }`, never a throw:
 * a typo in a watch is an ordinary outcome, shown next to the expression.
 */
const runId = z.string().min(1);
const answer = z.object({ value: z.unknown().optional(), error: z.string().optional() });

/** A breakpoint as the Designer keeps it: its scenario file is the key it is listed under. */
const workspaceBreakpoint = z.object({
  blockId: z.string().min(1),
  enabled: z.boolean(),
  condition: z.string().optional(),
  hitCount: z.number().int().positive().optional(),
  log: z.string().optional(),
});
/** The debugger's settings of one project folder: breakpoints by scenario file, break on error, watches. */
export const debugWorkspaceSchema = z.object({
  breakpoints: z.record(z.string(), z.array(workspaceBreakpoint)).default({}),
  breakOnError: z.boolean().default(false),
  watches: z.array(z.string()).default([]),
});
export type DebugWorkspace = z.output<typeof debugWorkspaceSchema>;
const projectDir = z.string().min(1);

export const debugCommands = {
  /** Evaluates a JavaScript expression over the paused scenario's variables (secrets redacted). */
  'run.evaluate': { args: z.object({ runId, expression: z.string().min(1).max(10_000) }), result: answer },
  /** A secret variable's value, for the paused Designer only: the answer goes to the asking UI, never to a log. */
  'run.reveal': { args: z.object({ runId, name: z.string().min(1) }), result: answer },
  /**
   * The paused run's open browsers: each one's DevTools endpoint (127.0.0.1) and the tab its next
   * block acts on. Empty when the run is not paused or has no browser. The picker attaches there.
   */
  'run.browsers': {
    args: z.object({ runId }),
    result: z.object({ browsers: z.array(z.object({ endpoint: z.string(), targetId: z.string(), url: z.string() })) }),
  },
  /**
   * The debugger's settings of a project, kept in the app's data folder (never in the scenario
   * files, so breakpoints don't end up in git or on the robot). Scenario paths are absolute here.
   */
  'debug.workspace.get': { args: z.object({ projectDir }), result: debugWorkspaceSchema },
  'debug.workspace.set': { args: z.object({ projectDir, settings: debugWorkspaceSchema }), result: z.object({}) },
};
