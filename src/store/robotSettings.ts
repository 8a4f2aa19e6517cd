import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { statements } from './database.js';

/**
 * The robot's identity and settings, persisted in the app database so that `cairn robot` started
 * again (or the tray app) keeps its Orchestrator, GUID and intervals without repeating flags.
 */

/** The protocol asks for at most one heartbeat every 10 s while working; idle polls default to it. */
export const MIN_WORKING_HEARTBEAT_MS = 10_000;

export const robotSettingsSchema = z.object({
  orchestratorUrl: z.url(),
  robotGuid: z.string().min(1),
  /** Skip TLS certificate checks for this Orchestrator (shown as a warning). */
  insecureTls: z.boolean().default(false),
  /** How long to wait between idle heartbeats (no job). */
  pollIntervalMs: z.number().int().min(100).default(10_000),
  /** Heartbeat interval while a job runs; never below MIN_WORKING_HEARTBEAT_MS outside tests. */
  workingHeartbeatMs: z.number().int().min(MIN_WORKING_HEARTBEAT_MS).default(MIN_WORKING_HEARTBEAT_MS),
  /** Folder of the Python framework's scripts (ProcessVersion.Name is relative to it). */
  scriptsDir: z.string().optional(),
  /** Interpreter for Python-script jobs. */
  pythonPath: z.string().default('python3'),
  /** How long a soft-stopped job (a Cairn run's current block, a Python script) may take before it is aborted. */
  stopGraceMs: z.number().int().min(0).default(30_000),
  /** Heap limit of a Cairn job's engine in MB: beyond it the job fails "ran out of memory". */
  runnerMemoryMb: z.number().int().min(64).default(2048),
});
export type RobotSettings = z.infer<typeof robotSettingsSchema>;

const KEY = 'robot';

export type RobotSettingsStore = {
  load(): RobotSettings | null;
  save(settings: RobotSettings): void;
};

export function createRobotSettingsStore(db: Database, now: () => number = Date.now): RobotSettingsStore {
  const sql = statements(db, {
    read: `SELECT value FROM settings WHERE key = ?`,
    write: `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  });
  return {
    load() {
      const row = sql.read.get(KEY) as { value: string } | undefined;
      if (!row) return null;
      const parsed = robotSettingsSchema.safeParse(JSON.parse(row.value));
      if (!parsed.success) throw new Error(`Robot settings in the app database are invalid: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    },
    save(settings) {
      const valid = robotSettingsSchema.parse(settings);
      sql.write.run(KEY, JSON.stringify(valid), now());
    },
  };
}
