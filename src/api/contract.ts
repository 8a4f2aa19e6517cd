import { z } from 'zod';
import { scenarioSchema } from '../scenario/schema.js';
import { assistantCommands, assistantEvents } from './assistantCommands.js';
import {
  blockInfoSchema,
  breakpointSchema,
  debugCommandSchema,
  dialogRequestSchema,
  fsEntrySchema,
  problemSchema,
  projectInfoSchema,
  recentProjectSchema,
  runEventSchema,
  settingsSchema,
} from './schemas.js';
import { orchestratorCommands, orchestratorEvents } from './orchestratorCommands.js';
import { debugCommands } from './debugCommands.js';
import { pickerCommands } from './pickerCommands.js';
import { samplesCommands } from './samplesCommands.js';

/**
 * THE contract between the Designer UI and the core: every command with its argument and result
 * schema, every event with its payload schema. Both transports (Electron IPC in main/, the
 * loopback WebSocket in src/host/) validate against it, and the renderer's types are inferred
 * from it. Browser-safe: zod and the scenario model only.
 *
 * Paths are absolute file-system paths of the machine the core runs on.
 */

export type CommandSpec = { args: z.ZodType; result: z.ZodType };
export type Contract = Record<string, CommandSpec>;

const empty = z.object({});
const settingsFields = settingsSchema.shape;
/**
 * What `settings.set` takes: only the fields it changes. Not `settingsSchema.partial()`: its
 * defaults would fill the missing fields, so changing the language reset the Orchestrator
 * connection and the recent projects.
 */
const settingsPatchSchema = z.object({
  language: settingsFields.language.unwrap().optional(),
  theme: settingsFields.theme.unwrap().optional(),
  recentProjects: settingsFields.recentProjects.unwrap().optional(),
  orchestrator: settingsFields.orchestrator.unwrap().optional(),
  runner: settingsFields.runner.unwrap().optional(),
});
const pathArgs = z.object({ path: z.string().min(1) });
const runIdArgs = z.object({ runId: z.string().min(1) });

export const commands = {
  ...assistantCommands,
  ...samplesCommands,
  /** What is running: Electron app or browser host, where its data lives. */
  'app.info': {
    args: empty,
    result: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      platform: z.string(),
      /** A project given on the command line (`cairn designer <dir>`): open it at start. */
      projectDir: z.string().optional(),
      /** Which face of the renderer to show: the Designer, or the Assistant (`cairn assistant`). */
      face: z.enum(['designer', 'assistant']).default('designer'),
    }),
  },
  /** Every block type: palette, properties panel and validation are built from this. */
  'catalog.list': { args: empty, result: z.array(blockInfoSchema) },

  /** Creates a project from the template in an empty (or missing) folder, then opens it. */
  'project.new': {
    args: z.object({ dir: z.string().min(1), name: z.string().min(1) }),
    result: projectInfoSchema,
  },
  'project.open': { args: z.object({ dir: z.string().min(1) }), result: projectInfoSchema },
  'project.recent': { args: empty, result: z.array(recentProjectSchema) },

  /** Reads a scenario and starts watching it (`file.changed`) until `scenario.close`. */
  'scenario.read': { args: pathArgs, result: z.object({ doc: scenarioSchema, rev: z.string() }) },
  /** A new scenario `<name>.scenario.json` (name slugged) in the project folder, with a start block. */
  'scenario.create': {
    args: z.object({ projectDir: z.string().min(1), name: z.string().min(1) }),
    result: z.object({ path: z.string(), doc: scenarioSchema, rev: z.string() }),
  },
  /** Atomic save. With `baseRev`, fails with code `conflict` if the file changed on disk since. */
  'scenario.save': {
    args: z.object({ path: z.string().min(1), doc: scenarioSchema, baseRev: z.string().optional() }),
    result: z.object({ rev: z.string() }),
  },
  /** Sets the scenario's name and moves the file to `<name>.scenario.json` in the same folder. */
  'scenario.rename': {
    args: z.object({ path: z.string().min(1), name: z.string().min(1) }),
    result: z.object({ path: z.string(), rev: z.string() }),
  },
  'scenario.delete': { args: pathArgs, result: empty },
  /** Stops watching a scenario (its tab closed). */
  'scenario.close': { args: pathArgs, result: empty },
  'scenario.validate': {
    args: z.object({ doc: scenarioSchema }),
    result: z.object({ problems: z.array(problemSchema) }),
  },

  /** Autosave of unsaved edits to a recovery file in the app data folder (not next to the scenario). */
  'recovery.write': { args: z.object({ path: z.string().min(1), doc: scenarioSchema }), result: empty },
  /** Recovery files of scenarios inside a project folder, newest first. */
  'recovery.list': {
    args: z.object({ projectDir: z.string().min(1) }),
    result: z.array(z.object({ path: z.string(), savedAt: z.string() })),
  },
  'recovery.read': { args: pathArgs, result: z.object({ doc: scenarioSchema, savedAt: z.string() }) },
  'recovery.discard': { args: pathArgs, result: empty },

  /** Runs the SAVED scenario file in a runner process; events arrive as `run.event`. */
  'run.start': {
    args: z.object({
      path: z.string().min(1),
      mode: z.enum(['run', 'debug']).default('run'),
      /** Block ids, or breakpoints with a condition / hit count / log message (enabled ones only matter). */
      breakpoints: z.array(z.union([z.string(), breakpointSchema])).default([]),
      /** Debug: pause at a failing block before its error policy applies. */
      breakOnError: z.boolean().optional(),
      /** Debug: start at this block instead of core.start. */
      startAt: z.string().optional(),
      /** Debug: pause before the first block (debug from a selected block). */
      pauseOnStart: z.boolean().optional(),
      args: z.record(z.string(), z.unknown()).optional(),
    }),
    result: z.object({ runId: z.string() }),
  },
  /** Soft stop: finishes the current block, ends `stopped`. */
  'run.stop': { args: runIdArgs, result: empty },
  /** Hard stop: kills the runner, ends `aborted`. */
  'run.abort': { args: runIdArgs, result: empty },
  'run.debug': { args: z.object({ runId: z.string().min(1), command: debugCommandSchema }), result: empty },

  /** Answers a `dialog.request` event; `result` must fit the method (see dialogResultSchemas). */
  'dialog.answer': { args: z.object({ requestId: z.string().min(1), result: z.unknown() }), result: empty },

  /** File picker for browser mode. No `dir` = the user's home folder. */
  'fs.list': {
    args: z.object({
      dir: z.string().optional(),
      /** Extensions without dot; folders are always listed. */
      extensions: z.array(z.string()).optional(),
      directoriesOnly: z.boolean().optional(),
      showHidden: z.boolean().optional(),
    }),
    result: z.object({ dir: z.string(), parent: z.string().nullable(), entries: z.array(fsEntrySchema) }),
  },

  /**
   * Named secrets (Orchestrator passwords, API keys) encrypted at rest. Values go in, never out:
   * the UI only learns the names and whether the OS keychain protects them (`secure`).
   */
  'secrets.list': { args: empty, result: z.object({ secure: z.boolean(), names: z.array(z.string()) }) },
  'secrets.set': { args: z.object({ name: z.string().min(1).max(200), value: z.string() }), result: empty },
  'secrets.delete': { args: z.object({ name: z.string().min(1) }), result: empty },

  'settings.get': { args: empty, result: settingsSchema },
  /** Shallow merge of the given fields; returns the stored settings. */
  'settings.set': { args: settingsPatchSchema, result: settingsSchema },
  ...orchestratorCommands,
  ...debugCommands,
  ...pickerCommands,
} satisfies Contract;

export const events = {
  ...assistantEvents,
  /** One RunEvent of src/engine/types.ts, in order per run. */
  'run.event': z.object({ runId: z.string(), event: runEventSchema }),
  /** A scenario read through `scenario.read` changed on disk (not by our own save). */
  'file.changed': z.object({ path: z.string(), deleted: z.boolean().optional() }),
  /** A block asks the user something; answer with `dialog.answer`. */
  'dialog.request': dialogRequestSchema,
  /** A dialog was answered elsewhere or its run ended: close it. */
  'dialog.closed': z.object({ requestId: z.string() }),
  ...orchestratorEvents,
} satisfies Record<string, z.ZodType>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller passes (fields with defaults may be omitted). */
export type CommandArgs<C extends CommandName> = z.input<Commands[C]['args']>;
/** What a handler receives after validation (defaults applied). */
export type ParsedArgs<C extends CommandName> = z.output<Commands[C]['args']>;
export type CommandResult<C extends CommandName> = z.output<Commands[C]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}
