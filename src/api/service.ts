import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { StartRun } from '../engine/types.js';
import { dispatchCommand } from './dispatch.js';
import { createEventHub, type EventListener } from './eventHub.js';
import type { AssistantTuning } from './handlers/assistant.js';
import { handlerTable } from './handlerTable.js';
import type { SecretCipher } from './secrets.js';
import { createServiceParts } from './serviceParts.js';

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

export type { EventListener } from './eventHub.js';

/** The one implementation of the contract. Transports only move frames to `call` and from `onEvent`. */
export type ApiService = {
  /** Validates the arguments, runs the command, validates the result. Throws `ApiError`. */
  call(command: string, args: unknown): Promise<unknown>;
  onEvent(listener: EventListener): () => void;
  /** Aborts runs, ends the warm runner, stops watching files. */
  dispose(): Promise<void>;
};

export function createService(options: ServiceOptions): ApiService {
  const dataDir = resolve(options.dataDir);
  const hub = createEventHub();
  const parts = createServiceParts(options, dataDir, hub.emit);
  // The Assistant's robot starts with the face: its connection shows, autostart processes run.
  const assistantStarted =
    options.face === 'assistant'
      ? mkdir(dataDir, { recursive: true })
          .then(() => parts.assistant.start(options.assistantPaths))
          .catch((error: unknown) => console.error(`cairn assistant: ${error instanceof Error ? error.message : String(error)}`))
      : Promise.resolve();
  const handlers = handlerTable(options, dataDir, hub.emit, parts);
  // Created on first call (not at construction: a failure must reach a caller, not crash the host).
  let ready: Promise<unknown> | undefined;

  return {
    call: (command, args) => dispatchCommand(handlers, command, args, () => (ready ??= mkdir(dataDir, { recursive: true }))),
    onEvent: hub.on,
    async dispose() {
      parts.watcher.close();
      await parts.runs.abortAll();
      await assistantStarted;
      await parts.assistant.dispose();
      await parts.runners?.dispose();
      await parts.picker.dispose();
      hub.clear();
    },
  };
}
