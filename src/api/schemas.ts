import { z } from 'zod';
import { blockCategories } from '../activities/define.js';
import { projectSchema, variableTypeSchema } from '../scenario/schema.js';

/**
 * Payload schemas the contract is built from. Browser-safe (zod and the scenario model only):
 * the renderer imports these through `contract.ts`, so nothing here may touch Node or the catalog
 * code (the block API's constant list of categories is plain data and is shared). Types mirrored from src/activities/define.ts and src/engine/types.ts are checked against
 * them in contract.test.ts, so they cannot drift.
 */

export const localizedTextSchema = z.object({ en: z.string(), ru: z.string() });

export const blockCategorySchema = z.enum(blockCategories);

export const paramKindSchema = z.enum([
  'text',
  'multiline',
  'number',
  'boolean',
  'choice',
  'expression',
  'code',
  'filePath',
  'folderPath',
  'selector',
  'secret',
  'json',
  'variable',
  'list',
  'dictionary',
  'table',
  'any',
]);

export const paramInfoSchema = z.object({
  kind: paramKindSchema,
  title: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().optional(),
  default: z.unknown().optional(),
  choices: z.array(z.object({ value: z.string(), title: localizedTextSchema })).optional(),
  language: z.enum(['javascript', 'python', 'json', 'html', 'sql', 'plaintext']).optional(),
  filters: z.array(z.string()).optional(),
  save: z.boolean().optional(),
  placeholder: z.string().optional(),
  key: z.boolean().optional(),
  advanced: z.boolean().optional(),
});
export type ParamInfo = z.infer<typeof paramInfoSchema>;

/** A block type as the palette, properties panel and validation see it (BlockInfo of define.ts). */
export const blockInfoSchema = z.object({
  type: z.string(),
  category: blockCategorySchema,
  title: localizedTextSchema,
  help: localizedTextSchema,
  params: z.record(z.string(), paramInfoSchema),
  ports: z.array(z.string()),
  dynamicPorts: z.object({ param: z.string(), prefix: z.string() }).optional(),
  outputs: z
    .record(z.string(), z.object({ type: variableTypeSchema, title: localizedTextSchema }))
    .optional(),
  loop: z.boolean().optional(),
  annotation: z.boolean().optional(),
});
export type BlockInfoDto = z.infer<typeof blockInfoSchema>;

/** One validation finding (src/scenario/validate.ts produces these). */
export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  blockId: z.string().optional(),
  /** JSON path inside the document, e.g. `blocks[3].params.x`. */
  path: z.string().optional(),
  /** 1-based position in the file text, where known. */
  line: z.number().optional(),
  column: z.number().optional(),
  message: localizedTextSchema,
});
export type Problem = z.infer<typeof problemSchema>;

export const scenarioEntrySchema = z.object({
  /** Absolute path of the scenario file. */
  path: z.string(),
  /** Path relative to the project folder, with `/` separators. */
  relPath: z.string(),
  name: z.string(),
});

export const projectInfoSchema = z.object({
  dir: z.string(),
  project: projectSchema,
  scenarios: z.array(scenarioEntrySchema),
  /** Files under `assets/`, relative to the project folder with `/` separators. */
  assets: z.array(z.string()),
});
export type ProjectInfo = z.infer<typeof projectInfoSchema>;

export const recentProjectSchema = z.object({ dir: z.string(), name: z.string(), openedAt: z.string() });

export const settingsSchema = z.object({
  language: z.enum(['en', 'ru']).default('en'),
  theme: z.enum(['light', 'dark']).default('light'),
  /** Most recent first, at most 10. */
  recentProjects: z.array(recentProjectSchema).default([]),
  /** Connection settings only; credentials never travel through settings. */
  orchestrator: z
    .object({
      url: z.string().optional(),
      allowInsecureTls: z.boolean().optional(),
      /** The robot GUID that Designer and Assistant runs use for Orchestrator blocks and reporting. */
      robotGuid: z.string().optional(),
    })
    .default({}),
  /** Limits of Designer runs; unset → the engine's defaults (30 s stop grace, 2048 MB heap). */
  runner: z
    .object({
      /** After Stop, how long the running block may take before the run is aborted. */
      stopGraceMs: z.number().int().min(0).optional(),
      /** Heap limit of the engine; beyond it the run fails "ran out of memory". */
      memoryLimitMb: z.number().int().min(64).optional(),
    })
    .default({}),
});
export type Settings = z.infer<typeof settingsSchema>;

export const fsEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['file', 'directory']),
  size: z.number().optional(),
  modifiedAt: z.string().optional(),
});

// ---- runs (mirror src/engine/types.ts) ----

const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
const runResultSchema = z.enum(['success', 'failed', 'stopped', 'aborted']);

export const runErrorInfoSchema = z.object({
  message: z.string(),
  blockId: z.string().optional(),
  blockType: z.string().optional(),
  scenario: z.string().optional(),
  stack: z.string().optional(),
  code: z.string().optional(),
  screenshot: z.string().optional(),
});

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run.started'),
    runId: z.string(),
    scenario: z.string(),
    name: z.string(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('block.started'),
    blockId: z.string(),
    blockType: z.string(),
    scenario: z.string(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('block.finished'),
    blockId: z.string(),
    port: z.string(),
    scenario: z.string(),
    ms: z.number(),
  }),
  z.object({
    type: z.literal('log'),
    level: logLevelSchema,
    message: z.string(),
    blockId: z.string().optional(),
    scenario: z.string().optional(),
    at: z.number(),
  }),
  z.object({ type: z.literal('variable'), name: z.string(), value: z.unknown(), scenario: z.string() }),
  z.object({
    type: z.literal('paused'),
    blockId: z.string(),
    scenario: z.string(),
    path: z.string().optional(),
    reason: z.enum(['breakpoint', 'step', 'pause', 'start', 'runTo', 'error']),
    error: z.string().optional(),
    variables: z.record(z.string(), z.unknown()),
    stack: z.array(z.object({ scenario: z.string(), blockId: z.string(), path: z.string().optional() })),
  }),
  z.object({ type: z.literal('resumed') }),
  z.object({ type: z.literal('evaluated'), id: z.string(), value: z.unknown().optional(), error: z.string().optional() }),
  z.object({ type: z.literal('process.spawned'), pid: z.number() }),
  z.object({
    type: z.literal('run.finished'),
    result: runResultSchema,
    outputs: z.record(z.string(), z.unknown()),
    error: runErrorInfoSchema.optional(),
    ms: z.number(),
  }),
]);
export type RunEventDto = z.infer<typeof runEventSchema>;

/** A breakpoint (mirror Breakpoint of src/engine/types.ts). */
export const breakpointSchema = z.object({
  blockId: z.string(),
  path: z.string().optional(),
  condition: z.string().optional(),
  hitCount: z.number().int().positive().optional(),
  log: z.string().optional(),
  enabled: z.boolean().optional(),
});

export const debugCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('continue') }),
  z.object({ type: z.literal('stepOver') }),
  z.object({ type: z.literal('stepInto') }),
  z.object({ type: z.literal('stepOut') }),
  z.object({ type: z.literal('runTo'), blockId: z.string() }),
  z.object({ type: z.literal('setBreakpoints'), blockIds: z.array(z.string()).optional(), breakpoints: z.array(breakpointSchema).optional() }),
  z.object({ type: z.literal('setBreakOnError'), on: z.boolean() }),
  z.object({ type: z.literal('setVariable'), name: z.string(), value: z.unknown() }),
  z.object({ type: z.literal('evaluate'), id: z.string(), expression: z.string() }),
  z.object({ type: z.literal('reveal'), id: z.string(), name: z.string() }),
  z.object({ type: z.literal('browsers'), id: z.string() }),
]);

// ---- dialogs a block asks the user (mirror HostMethods 'dialog.*' of src/engine/services.ts) ----

export const dialogFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['text', 'number', 'boolean', 'password', 'date', 'choice']),
  choices: z.array(z.string()).optional(),
  default: z.unknown().optional(),
  required: z.boolean().optional(),
});

export const dialogParamsSchemas = {
  'dialog.message': z.object({
    title: z.string(),
    message: z.string(),
    level: z.enum(['info', 'warning', 'error']).optional(),
  }),
  'dialog.confirm': z.object({ title: z.string(), message: z.string() }),
  'dialog.input': z.object({
    title: z.string(),
    message: z.string().optional(),
    fields: z.array(dialogFieldSchema),
  }),
  'dialog.chooseFile': z.object({
    title: z.string(),
    filters: z.array(z.string()).optional(),
    save: z.boolean().optional(),
    folder: z.boolean().optional(),
  }),
} as const;

/** What `dialog.answer` must carry for each method (`null` = the user cancelled). */
export const dialogResultSchemas = {
  'dialog.message': z.null().optional(),
  'dialog.confirm': z.boolean(),
  'dialog.input': z.record(z.string(), z.unknown()).nullable(),
  'dialog.chooseFile': z.string().nullable(),
} as const;

export type DialogMethod = keyof typeof dialogParamsSchemas;
export const dialogMethods = Object.keys(dialogParamsSchemas) as DialogMethod[];

export const dialogRequestSchema = z.discriminatedUnion('method', [
  z.object({
    requestId: z.string(),
    runId: z.string(),
    method: z.literal('dialog.message'),
    params: dialogParamsSchemas['dialog.message'],
  }),
  z.object({
    requestId: z.string(),
    runId: z.string(),
    method: z.literal('dialog.confirm'),
    params: dialogParamsSchemas['dialog.confirm'],
  }),
  z.object({
    requestId: z.string(),
    runId: z.string(),
    method: z.literal('dialog.input'),
    params: dialogParamsSchemas['dialog.input'],
  }),
  z.object({
    requestId: z.string(),
    runId: z.string(),
    method: z.literal('dialog.chooseFile'),
    params: dialogParamsSchemas['dialog.chooseFile'],
  }),
]);
export type DialogRequest = z.infer<typeof dialogRequestSchema>;
