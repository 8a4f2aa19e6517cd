import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { catalogInfo } from '../activities/catalog.js';
import { createRunnerPool } from '../engine/runner/index.js';
import type { StartRun } from '../engine/types.js';
import { commands, events, isCommandName, type EventName, type EventPayload } from './contract.js';
import type { Emit, Handlers } from './context.js';
import { ApiError } from './errors.js';
import { createAssistantHandlers, type AssistantTuning } from './handlers/assistant.js';
import { createDialogBroker } from './handlers/dialogs.js';
import { listFolder } from './handlers/fsList.js';
import { createProjectHandlers } from './handlers/projects.js';
import { createSampleHandlers } from './handlers/samples.js';
import { createRecoveryStore } from './handlers/recovery.js';
import { createRunHandlers } from './handlers/runs.js';
import { createDebugWorkspaceHandlers } from './handlers/debugWorkspace.js';
import { createScenarioHandlers } from './handlers/scenarios.js';
import { createSettingsStore } from './handlers/settings.js';
import { validateDocument } from './handlers/validation.js';
import { createScenarioWatcher } from './handlers/watcher.js';
import { createOrchestratorHandlers } from './handlers/orchestrator.js';
import { createPublishHandlers } from './handlers/publish.js';
import { createPickerHandlers } from './handlers/picker.js';
import { orchestratorServicesFor } from '../robot/connectedServices.js';
import { createSecretVault, fileKeyCipher, type SecretCipher } from './secrets.js';

export type ServiceOptions = {
  /** The app data folder: settings, recovery copies. Created if missing. */
  dataDir: string;
  mode: 'electron' | 'browser';
  /** A project named on the command line; `app.info` tells the UI to open it. */
  projectDir?: string;
  /** By default the engine's runners, one kept warm (started, waiting) so a run begins at once. */
  startRun?: StartRun;
  /** The project template (resources/templates/project by default). */
  templateDir?: string;
  /** The sample projects of the start page (resources/samples by default). */
  samplesDir?: string;
  /** Encryption of secrets at rest: the OS keychain in Electron, a key file otherwise. */
  secretCipher?: SecretCipher;
  /** Which face the UI shows; the Assistant's starts its robot (connection, autostart) at once. */
  face?: 'designer' | 'assistant';
  /** `cairn assistant <dir|package…>`: added to the Assistant's process list at start. */
  assistantPaths?: string[];
  assistant?: AssistantTuning;
};

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The one implementation of the contract. Transports only move frames to `call` and from `onEvent`. */
export type ApiService = {
  /** Validates the arguments, runs the command, validates the result. Throws `ApiError`. */
  call(command: string, args: unknown): Promise<unknown>;
  onEvent(listener: EventListener): () => void;
  /** Aborts runs, ends the warm runner, stops watching files. */
  dispose(): Promise<void>;
};

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export function createService(options: ServiceOptions): ApiService {
  const dataDir = resolve(options.dataDir);
  const listeners = new Set<EventListener>();
  const emit: Emit = (event, payload) => {
    const checked = events[event].safeParse(payload);
    if (!checked.success)
      console.error(`cairn api: event "${event}" does not match the contract: ${checked.error.message}`);
    for (const listener of listeners)
      listener(event, (checked.success ? checked.data : payload) as typeof payload);
  };

  const settings = createSettingsStore(dataDir);
  const recovery = createRecoveryStore(dataDir);
  const watcher = createScenarioWatcher(emit);
  const dialogs = createDialogBroker(emit);
  // One pool for Designer and Assistant runs: one runner kept warm, whichever face starts a run.
  const runners = options.startRun === undefined ? createRunnerPool() : undefined;
  const startRun = options.startRun ?? runners!.startRun;
  // Designer runs: Orchestrator blocks use the connection in settings, or say how to set it.
  const runs = createRunHandlers(startRun, emit, dialogs, async () => (await settings.get()).runner, async (runGuid) => {
    const { orchestrator } = await settings.get();
    const url = orchestrator.url?.trim();
    const robotGuid = orchestrator.robotGuid?.trim();
    return orchestratorServicesFor(url && robotGuid ? { url, robotGuid, insecureTls: orchestrator.allowInsecureTls === true } : null, {
      runGuid,
      howToConnect: 'Set the Orchestrator URL and robot GUID under Orchestrator… in the Designer (Settings in the Assistant).',
      warn: (line) => console.warn(line),
    });
  });
  const assistant = createAssistantHandlers({
    dataDir,
    startRun,
    emit,
    dialogs,
    settings,
    tuning: options.assistant,
  });
  // The Assistant's robot starts with the face: its connection shows, autostart processes run.
  const assistantStarted =
    options.face === 'assistant'
      ? mkdir(dataDir, { recursive: true })
          .then(() => assistant.start(options.assistantPaths))
          .catch((error: unknown) => console.error(`cairn assistant: ${error instanceof Error ? error.message : String(error)}`))
      : Promise.resolve();
  const vault = createSecretVault(dataDir, options.secretCipher ?? fileKeyCipher(dataDir));
  const orchestrator = createOrchestratorHandlers(settings, vault);
  const picker = createPickerHandlers({ pausedRunBrowsers: (runId) => runs.browsersOf(runId), language: async () => ((await settings.get()).language === 'ru' ? 'ru' : 'en') });
  // Created on first call (not at construction: a failure must reach a caller, not crash the host).
  let ready: Promise<unknown> | undefined;

  const { start: _start, dispose: disposeAssistant, ...assistantHandlers } = assistant;
  const handlers: Handlers = {
    ...assistantHandlers,
    async 'app.info'() {
      return {
        version,
        mode: options.mode,
        dataDir,
        platform: process.platform,
        projectDir: options.projectDir && resolve(options.projectDir),
        face: options.face ?? 'designer',
      };
    },
    async 'catalog.list'() {
      return catalogInfo();
    },
    ...createProjectHandlers(settings, options.templateDir),
    ...createSampleHandlers(settings, dataDir, options.samplesDir),
    ...createScenarioHandlers(watcher, recovery),
    async 'scenario.validate'({ doc }) {
      return { problems: validateDocument(doc) };
    },
    'recovery.write': recovery['recovery.write'],
    'recovery.list': recovery['recovery.list'],
    'recovery.read': recovery['recovery.read'],
    'recovery.discard': recovery['recovery.discard'],
    'run.start': runs['run.start'],
    'run.stop': runs['run.stop'],
    'run.abort': runs['run.abort'],
    'run.debug': runs['run.debug'],
    'run.evaluate': runs['run.evaluate'],
    'run.reveal': runs['run.reveal'],
    'run.browsers': runs['run.browsers'],
    ...createDebugWorkspaceHandlers(dataDir),
    async 'dialog.answer'({ requestId, result }) {
      dialogs.answer(requestId, result);
      return {};
    },
    'fs.list': listFolder,
    async 'secrets.list'() {
      return { secure: vault.secure, names: await vault.names() };
    },
    async 'secrets.set'({ name, value }) {
      await vault.set(name, value);
      return {};
    },
    async 'secrets.delete'({ name }) {
      await vault.delete(name);
      return {};
    },
    'settings.get': () => settings.get(),
    'settings.set': (patch) => settings.update(patch),
    ...orchestrator.handlers,
    ...createPublishHandlers(orchestrator.client, emit),
    ...picker.handlers,
  };

  return {
    async call(command, args) {
      if (!isCommandName(command))
        throw new ApiError('unknown_command', `Unknown command "${String(command)}"`);
      const spec = commands[command];
      const parsed = spec.args.safeParse(args ?? {});
      if (!parsed.success) {
        throw new ApiError(
          'invalid_args',
          `Invalid arguments for "${command}":\n${z.prettifyError(parsed.error)}`,
        );
      }
      await (ready ??= mkdir(dataDir, { recursive: true }));
      const handler = handlers[command] as (args: unknown) => Promise<unknown>;
      const result = spec.result.safeParse(await handler(parsed.data));
      if (!result.success) {
        // A bug on our side, never the caller's: say so instead of sending a malformed result.
        throw new ApiError(
          'invalid_result',
          `"${command}" produced a result outside the contract:\n${z.prettifyError(result.error)}`,
        );
      }
      return result.data;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      watcher.close();
      await runs.abortAll();
      await assistantStarted;
      await disposeAssistant();
      await runners?.dispose();
      await picker.dispose();
      listeners.clear();
    },
  };
}
