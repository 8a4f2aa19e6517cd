import type { StartRun } from '../../engine/types.js';
import { lockDataDir, type DataLock } from '../../robot/dataLock.js';
import { createDeskRobot, type DeskRobot } from '../../robot/desk.js';
import { appDatabaseFile } from '../../robot/robot.js';
import { openAppStore, type AppStore } from '../../store/appStore.js';
import { assistantOptionsSchema, type AssistantOptions } from '../assistantCommands.js';
import type { Emit } from '../context.js';
import type { DialogBroker } from './dialogs.js';
import type { SettingsStore } from './settings.js';

export type AssistantTuning = {
  /** Between Ready heartbeats while idle (default 10 s): how fast an outage shows. */
  pollIntervalMs?: number;
  outboxRetryMaxMs?: number;
  /** TEST ONLY: lowers the protocol's 10 s floor of working heartbeats. */
  testOnlyWorkingHeartbeatFloorMs?: number;
  workingHeartbeatMs?: number;
  captureScreen?(): Promise<Buffer>;
};

export type AssistantDeps = {
  dataDir: string;
  startRun: StartRun;
  emit: Emit;
  dialogs: DialogBroker;
  settings: SettingsStore;
  tuning?: AssistantTuning;
};

export type AssistantOptionsStore = { get(): AssistantOptions; set(options: AssistantOptions): void };

/** The Assistant's data folder, opened: its database, robot, options and the folder's lock. */
export type OpenedAssistant = { store: AppStore; desk: DeskRobot; options: AssistantOptionsStore; lock: DataLock };

/** What the Assistant's handler groups share: their deps and the data folder, opened on first use. */
export type AssistantScope = AssistantDeps & { open(): OpenedAssistant };

const OPTIONS_KEY = 'assistant';

/** The whole screen as PNG, with the same tools the "Send screenshot" block uses (loaded on first use). */
async function captureDesktop(): Promise<Buffer> {
  const { captureScreen } = await import('../../activities/orchestrator/lib/screen.js');
  // The capture helper wants a block's signal and process tracking; a bounded signal is all it needs here.
  const context = { signal: AbortSignal.timeout(30_000), trackProcess: () => {} };
  return captureScreen(context as unknown as Parameters<typeof captureScreen>[0]);
}

/** The Assistant's options, kept in the app database's settings table (unreadable: the defaults). */
function optionsStore(store: AppStore): AssistantOptionsStore {
  const read = store.db.prepare('SELECT value FROM settings WHERE key = ?');
  const write = store.db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    get(): AssistantOptions {
      const row = read.get(OPTIONS_KEY) as { value: string } | undefined;
      const parsed = assistantOptionsSchema.safeParse(row ? JSON.parse(row.value) : {});
      return parsed.success ? parsed.data : assistantOptionsSchema.parse({});
    },
    set(options: AssistantOptions) {
      write.run(OPTIONS_KEY, JSON.stringify(options), Date.now());
    },
  };
}

export function openAssistant(deps: AssistantDeps): OpenedAssistant {
  const { dataDir, emit } = deps;
  // One robot per data folder (an Assistant or `cairn robot`): two would deliver the outbox twice.
  const lock = lockDataDir(dataDir);
  let store: AppStore;
  try {
    store = openAppStore(appDatabaseFile(dataDir));
  } catch (error) {
    lock.release();
    throw error;
  }
  const desk = createDeskRobot({
    store,
    dataDir,
    startRun: deps.startRun,
    pollIntervalMs: deps.tuning?.pollIntervalMs,
    outboxRetryMaxMs: deps.tuning?.outboxRetryMaxMs,
    workingHeartbeatMs: deps.tuning?.workingHeartbeatMs,
    testOnlyWorkingHeartbeatFloorMs: deps.tuning?.testOnlyWorkingHeartbeatFloorMs,
    captureScreen: deps.tuning?.captureScreen ?? captureDesktop,
    onRunEvent: (runId, event) => emit('run.event', { runId, event }),
    onChange: (what) => emit('assistant.changed', { what }),
    warn: (line) => console.warn(line),
  });
  return { store, desk, options: optionsStore(store), lock };
}
