import type { Database } from 'better-sqlite3';
import { openDatabase } from './database.js';
import { createAssistantStore, type AssistantStore } from './assistantStore.js';
import { appMigrations } from './migrations.js';
import { createOutbox, type Outbox } from './outbox.js';
import { createRobotRunsStore, type RobotRunsStore } from './robotRuns.js';
import { createRobotSettingsStore, type RobotSettingsStore } from './robotSettings.js';

/** The app database (one owner per process): outbox, robot settings, run history. */
export type AppStore = {
  db: Database;
  outbox: Outbox;
  settings: RobotSettingsStore;
  runs: RobotRunsStore;
  /** The Assistant's process list and run history. */
  assistant: AssistantStore;
  close(): void;
};

export function openAppStore(file: string): AppStore {
  const db = openDatabase(file, appMigrations);
  // In WAL mode, NORMAL survives a killed or crashed robot (what the outbox promises); only an
  // OS crash or power loss can drop the last transactions. FULL would fsync every log batch.
  db.pragma('synchronous = NORMAL');
  const assistant = createAssistantStore(db);
  return {
    db,
    outbox: createOutbox(db),
    settings: createRobotSettingsStore(db),
    runs: createRobotRunsStore(db),
    assistant,
    close: () => {
      assistant.flush();
      db.close();
    },
  };
}
