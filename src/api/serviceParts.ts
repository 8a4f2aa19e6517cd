import { createRunnerPool } from '../engine/runner/index.js';
import type { StartRun } from '../engine/types.js';
import { orchestratorServicesFor } from '../robot/connectedServices.js';
import type { Emit } from './context.js';
import { createAssistantHandlers, type AssistantTuning } from './handlers/assistant.js';
import { createDialogBroker } from './handlers/dialogs.js';
import { createOrchestratorHandlers } from './handlers/orchestrator.js';
import { createPickerHandlers } from './handlers/picker.js';
import { createRecoveryStore } from './handlers/recovery.js';
import { createRunHandlers } from './handlers/runs.js';
import { createSettingsStore, type SettingsStore } from './handlers/settings.js';
import { createScenarioWatcher } from './handlers/watcher.js';
import { createSecretVault, fileKeyCipher, type SecretCipher } from './secrets.js';

export type PartsOptions = {
  startRun?: StartRun;
  secretCipher?: SecretCipher;
  assistant?: AssistantTuning;
};

/** The service's stateful parts: stores, watchers, runners and the handler groups that own state. */
export type ServiceParts = ReturnType<typeof createServiceParts>;

/** Designer runs: Orchestrator blocks use the connection in settings, or say how to set it. */
function designerOrchestratorServices(settings: SettingsStore) {
  return async (runGuid: string) => {
    const { orchestrator } = await settings.get();
    const url = orchestrator.url?.trim();
    const robotGuid = orchestrator.robotGuid?.trim();
    return orchestratorServicesFor(url && robotGuid ? { url, robotGuid, insecureTls: orchestrator.allowInsecureTls === true } : null, {
      runGuid,
      howToConnect: 'Set the Orchestrator URL and robot GUID under Orchestrator… in the Designer (Settings in the Assistant).',
      warn: (line) => console.warn(line),
    });
  };
}

export function createServiceParts(options: PartsOptions, dataDir: string, emit: Emit) {
  const settings = createSettingsStore(dataDir);
  const recovery = createRecoveryStore(dataDir);
  const watcher = createScenarioWatcher(emit);
  const dialogs = createDialogBroker(emit);
  // One pool for Designer and Assistant runs: one runner kept warm, whichever face starts a run.
  const runners = options.startRun === undefined ? createRunnerPool() : undefined;
  const startRun = options.startRun ?? runners!.startRun;
  const runs = createRunHandlers(startRun, emit, dialogs, async () => (await settings.get()).runner, designerOrchestratorServices(settings));
  const assistant = createAssistantHandlers({ dataDir, startRun, emit, dialogs, settings, tuning: options.assistant });
  const vault = createSecretVault(dataDir, options.secretCipher ?? fileKeyCipher(dataDir));
  const orchestrator = createOrchestratorHandlers(settings, vault);
  const picker = createPickerHandlers({ pausedRunBrowsers: (runId) => runs.browsersOf(runId), language: async () => ((await settings.get()).language === 'ru' ? 'ru' : 'en') });
  return { settings, recovery, watcher, dialogs, runners, runs, assistant, vault, orchestrator, picker };
}
