import { z } from 'zod';
import { variableTypeSchema } from '../scenario/schema.js';

/**
 * The Assistant's part of the contract (the attended robot app for business users): the process
 * list, runs with arguments, history, the Orchestrator connection and the app's options. Spread
 * into `commands` / `events` of contract.ts. Browser-safe: zod and the scenario model only.
 */

const runResultSchema = z.enum(['success', 'failed', 'stopped', 'aborted']);
const idArgs = z.object({ id: z.string().min(1) });
const empty = z.object({});

export const processCardSchema = z.object({
  id: z.string(),
  kind: z.enum(['project', 'package', 'orchestrator']),
  name: z.string(),
  description: z.string(),
  /** Project folder or `.cairn` file; for an Orchestrator process, its cached version folder. */
  path: z.string(),
  favourite: z.boolean(),
  /** e.g. `Ctrl+Alt+1`; null: none. */
  hotkey: z.string().nullable(),
  autostart: z.boolean(),
  versionName: z.string().nullable(),
  lastRun: z.object({ runGuid: z.string(), result: runResultSchema.nullable(), startedAt: z.number(), finishedAt: z.number().nullable() }).nullable(),
});
export type ProcessCard = z.infer<typeof processCardSchema>;

export const processInputSchema = z.object({
  name: z.string(),
  type: variableTypeSchema,
  description: z.string().optional(),
  default: z.unknown().optional(),
  required: z.boolean(),
  sensitive: z.boolean(),
});
export type ProcessInput = z.infer<typeof processInputSchema>;

export const historyRunSchema = z.object({
  runGuid: z.string(),
  processId: z.string(),
  name: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  result: runResultSchema.nullable(),
  args: z.record(z.string(), z.unknown()),
  outputs: z.record(z.string(), z.unknown()),
  errorStep: z.string().nullable(),
  errorMessage: z.string().nullable(),
  reported: z.boolean(),
  screenshots: z.number(),
});
export type HistoryRunDto = z.infer<typeof historyRunSchema>;

export const connectionStateSchema = z.object({
  state: z.enum(['notConfigured', 'connecting', 'connected', 'unreachable', 'notRegistered']),
  since: z.number().nullable(),
  message: z.string(),
  url: z.string().nullable(),
  robotGuid: z.string().nullable(),
  insecureTls: z.boolean(),
  backlog: z.number(),
  outboxError: z.string().nullable(),
  lastDeliveryAt: z.number().nullable(),
  lastHeartbeatAt: z.number().nullable(),
  attendedRefused: z.boolean(),
});
export type ConnectionStateDto = z.infer<typeof connectionStateSchema>;

export const assistantOptionsSchema = z.object({
  /** Runs older than this many days are deleted when the app starts (0: keep). */
  retentionDays: z.number().int().min(0).max(3650).default(90),
  /** Only the newest this many runs are kept (0: no limit). */
  retentionCount: z.number().int().min(0).max(1_000_000).default(1000),
  /** Report each local launch to the Orchestrator as a job record (JobType 2). */
  createJobRecord: z.boolean().default(true),
  /** When a run fails, attach a screenshot of the screen to its history and send it to the Orchestrator. */
  screenshotOnCrash: z.boolean().default(false),
  /** Stops (soft) the running process from anywhere; null: none. */
  stopHotkey: z.string().nullable().default('Ctrl+Alt+S'),
});
export type AssistantOptions = z.infer<typeof assistantOptionsSchema>;

export const activeRunSchema = z.object({
  runId: z.string(),
  runGuid: z.string(),
  processId: z.string(),
  name: z.string(),
  startedAt: z.number(),
});

export const assistantCommands = {
  /** Every process the user may run: added projects and packages, and (connected) the Orchestrator's. */
  'assistant.processes': { args: empty, result: z.array(processCardSchema) },
  /** Adds a project folder or a `.cairn` package file to the list. */
  'assistant.addProcess': { args: z.object({ path: z.string().min(1) }), result: processCardSchema },
  /** Removes a process from the list (its files and history stay). */
  'assistant.removeProcess': { args: idArgs, result: empty },
  'assistant.updateProcess': {
    args: z.object({
      id: z.string().min(1),
      favourite: z.boolean().optional(),
      hotkey: z.string().max(60).nullable().optional(),
      autostart: z.boolean().optional(),
    }),
    result: processCardSchema,
  },
  /** The `in` arguments of the process's main scenario, for the run form. */
  'assistant.processInputs': {
    args: idArgs,
    result: z.object({ scenarioName: z.string(), description: z.string().optional(), inputs: z.array(processInputSchema) }),
  },
  /** Starts the process with the form's values; events arrive as `run.event` with this runId. */
  'assistant.run': {
    args: z.object({ id: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) }),
    result: activeRunSchema,
  },
  'assistant.control': {
    args: z.object({ runId: z.string().min(1), action: z.enum(['pause', 'resume', 'stop', 'abort']) }),
    result: empty,
  },
  /** The run going now, if any (a page that connects mid-run picks it up). */
  'assistant.active': { args: empty, result: z.object({ run: activeRunSchema.nullable() }) },
  'assistant.history': {
    args: z.object({
      processId: z.string().optional(),
      result: runResultSchema.optional(),
      /** Matches the run's name or any of its log lines. */
      search: z.string().max(500).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    }),
    result: z.array(historyRunSchema),
  },
  'assistant.historyRun': {
    args: z.object({ runGuid: z.string().min(1) }),
    result: z.object({
      run: historyRunSchema,
      log: z.array(z.object({ at: z.number(), level: z.string(), message: z.string() })),
      screenshots: z.array(z.object({ at: z.number(), note: z.string(), pngBase64: z.string() })),
    }),
  },
  /** A run's whole log as text, for saving to a file. */
  'assistant.exportLog': { args: z.object({ runGuid: z.string().min(1) }), result: z.object({ fileName: z.string(), text: z.string() }) },
  'assistant.connection': { args: empty, result: connectionStateSchema },
  /** Saves the connection (settings.orchestrator) and connects (or disconnects with an empty URL). */
  'assistant.connect': {
    args: z.object({ url: z.string().max(2000), robotGuid: z.string().max(200), allowInsecureTls: z.boolean() }),
    result: connectionStateSchema,
  },
  /** Heartbeat and process list now. */
  'assistant.refresh': { args: empty, result: connectionStateSchema },
  'assistant.options': { args: empty, result: assistantOptionsSchema },
  'assistant.setOptions': { args: assistantOptionsSchema.partial(), result: assistantOptionsSchema },
} as const;

export const assistantEvents = {
  /** Something the Assistant shows changed: reload that part. */
  'assistant.changed': z.object({ what: z.enum(['processes', 'history', 'connection', 'options']) }),
} as const;
