import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogInfo } from '../activities/catalog.js';
import type { Emit, Handlers } from './context.js';
import { createDebugWorkspaceHandlers } from './handlers/debugWorkspace.js';
import { listFolder } from './handlers/fsList.js';
import { createProjectHandlers } from './handlers/projects.js';
import { createPublishHandlers } from './handlers/publish.js';
import { createSampleHandlers } from './handlers/samples.js';
import { createScenarioHandlers } from './handlers/scenarios.js';
import { validateDocument } from './handlers/validation.js';
import type { ServiceParts } from './serviceParts.js';

export type TableOptions = {
  mode: 'electron' | 'browser';
  projectDir?: string;
  templateDir?: string;
  samplesDir?: string;
  face?: 'designer' | 'assistant';
};

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Every command of the contract to the handler that serves it. */
export function handlerTable(options: TableOptions, dataDir: string, emit: Emit, parts: ServiceParts): Handlers {
  const { settings, recovery, watcher, dialogs, runs, vault, orchestrator, picker } = parts;
  const { start: _start, dispose: _dispose, ...assistantHandlers } = parts.assistant;
  return {
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
}
