import { z } from 'zod';
import { localizedTextSchema, problemSchema } from './schemas.js';

/**
 * The Orchestrator inside the Designer: the connection (settings + the API key in the vault),
 * reads of what is there (processes, versions, variables and credentials) and publishing. Spread
 * into `commands` of contract.ts. Browser-safe: zod only. The API key goes in, never out.
 */

const connectionSchema = z.object({
  url: z.string(),
  allowInsecureTls: z.boolean(),
  robotGuid: z.string(),
  /** Whether an API key is saved in the vault (the key itself never leaves the core). */
  hasApiKey: z.boolean(),
});

const processSchema = z.object({ guid: z.string(), name: z.string(), description: z.string() });
const versionSchema = z.object({ guid: z.string(), name: z.string(), description: z.string(), createdAt: z.string().nullable() });
const assetSchema = z.object({
  guid: z.string(),
  name: z.string(),
  type: z.enum(['text', 'credentials', 'other']),
  description: z.string(),
  /** A text asset's value, a credential's login; never a password. */
  value: z.string().nullable(),
});

const fileProblemsSchema = z.object({ file: z.string(), problems: z.array(problemSchema) });

export const publishStepSchema = z.enum(['validating', 'packing', 'connecting', 'uploading', 'saving']);
export const bumpSchema = z.enum(['patch', 'minor', 'major']);

/** One line of "Test connection": what was tried and whether it worked, in both languages. */
const connectionCheckSchema = z.object({
  id: z.enum(['url', 'reach', 'apiKey', 'robot']),
  ok: z.boolean(),
  /** true: not tried (nothing to try with, or an earlier step failed). */
  skipped: z.boolean(),
  message: localizedTextSchema,
});

export const orchestratorCommands = {
  'orchestrator.connection': { args: z.object({}), result: connectionSchema },
  /** Saves URL, TLS choice and robot GUID in settings; `apiKey`: a new key for the vault, '' deletes it, absent keeps it. */
  'orchestrator.saveConnection': {
    args: z.object({
      url: z.string().trim(),
      allowInsecureTls: z.boolean(),
      robotGuid: z.string().trim(),
      apiKey: z.string().trim().optional(),
    }),
    result: connectionSchema,
  },
  /** Tries the connection, saved or as typed (fields given override the saved ones). */
  'orchestrator.testConnection': {
    args: z.object({
      url: z.string().trim().optional(),
      allowInsecureTls: z.boolean().optional(),
      robotGuid: z.string().trim().optional(),
      apiKey: z.string().trim().optional(),
    }),
    result: z.object({ ok: z.boolean(), checks: z.array(connectionCheckSchema) }),
  },
  'orchestrator.processes': { args: z.object({}), result: z.array(processSchema) },
  'orchestrator.versions': { args: z.object({ processGuid: z.string().min(1) }), result: z.array(versionSchema) },
  /** Global variables (Text assets) and credentials, read-only, for picking names in Orchestrator blocks. */
  'orchestrator.assets': { args: z.object({}), result: z.array(assetSchema) },

  /** Validates the whole project as publishing will: every scenario and the project file. */
  'publish.check': {
    args: z.object({ projectDir: z.string().min(1) }),
    result: z.object({
      project: z.object({ name: z.string(), version: z.string() }).nullable(),
      errors: z.number(),
      files: z.array(fileProblemsSchema),
    }),
  },
  /** What a publish would give: current → new version (or why that version is refused). */
  'publish.preview': {
    args: z.object({ projectDir: z.string().min(1), bump: bumpSchema.optional(), version: z.string().trim().optional() }),
    result: z.object({ current: z.string(), next: z.string().nullable(), error: localizedTextSchema.nullable() }),
  },
  /** Publishes; progress arrives as `publish.progress`. Nothing is uploaded when validation fails. */
  'publish.start': {
    args: z.object({
      projectDir: z.string().min(1),
      target: z.union([z.object({ processGuid: z.string().min(1) }), z.object({ processName: z.string().trim().min(1) })]),
      bump: bumpSchema.optional(),
      version: z.string().trim().optional(),
      notes: z.string().default(''),
    }),
    result: z.object({
      versionGuid: z.string(),
      version: z.string(),
      previousVersion: z.string(),
      processGuid: z.string(),
      processName: z.string(),
      processCreated: z.boolean(),
      packageBytes: z.number(),
      sha256: z.string(),
      fileName: z.string(),
    }),
  },
};

export const orchestratorEvents = {
  /** The desktop app's menu asks the UI to open one of its dialogs (Electron only). */
  'app.menu': z.object({ command: z.enum(['publish', 'orchestrator']) }),
  /** A step of `publish.start`, in order. */
  'publish.progress': z.object({ projectDir: z.string(), step: publishStepSchema }),
};
