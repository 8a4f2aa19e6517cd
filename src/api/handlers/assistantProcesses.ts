import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { PACKAGE_EXTENSION, unpackProject } from '../../publish/package.js';
import { readProject, readScenarioFile, resolveRunTarget, ScenarioLoadError } from '../../scenario/io.js';
import type { Scenario } from '../../scenario/schema.js';
import type { StoredProcess } from '../../store/assistantStore.js';
import type { ProcessCard, ProcessInput } from '../assistantCommands.js';
import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { AssistantScope } from './assistantDesk.js';

/** The Assistant's process list: projects and packages the user added, and published processes. */

export function inputsOf(doc: Scenario): ProcessInput[] {
  return doc.variables
    .filter((v) => v.direction === 'in' || v.direction === 'inout')
    .map((v) => ({
      name: v.name,
      type: v.type,
      description: v.description,
      default: v.sensitive ? undefined : v.default,
      required: v.default === undefined,
      sensitive: v.sensitive === true || v.type === 'secret',
    }));
}

export function processCard(scope: AssistantScope, process: StoredProcess): ProcessCard {
  const last = scope.open().store.assistant.lastRunOf(process.id);
  return {
    id: process.id,
    kind: process.kind,
    name: process.name,
    description: process.description,
    path: process.path,
    favourite: process.favourite,
    hotkey: process.hotkey,
    autostart: process.autostart,
    versionName: process.versionName,
    lastRun: last ? { runGuid: last.runGuid, result: last.result, startedAt: last.startedAt, finishedAt: last.finishedAt } : null,
  };
}

export function findProcess(scope: AssistantScope, id: string): StoredProcess {
  const process = scope.open().store.assistant.process(id);
  if (!process) throw new ApiError('not_found', `No process ${id} in the list`);
  return process;
}

/** The folder to run: a project as it is, a package unpacked once into the data folder. */
async function projectDirOf(scope: AssistantScope, process: StoredProcess): Promise<string> {
  if (process.kind !== 'package') return process.path;
  const bytes = await readFile(process.path).catch(() => {
    throw new ApiError('not_found', `The package ${process.path} is gone; add it again`);
  });
  const dir = join(scope.dataDir, 'packages', createHash('sha256').update(bytes).digest('hex').slice(0, 32));
  if (!existsSync(join(dir, 'cairn.project.json'))) await unpackProject(bytes, dir);
  return dir;
}

export async function mainScenario(scope: AssistantScope, process: StoredProcess): Promise<{ dir: string; doc: Scenario }> {
  const dir = await projectDirOf(scope, process);
  try {
    const target = await resolveRunTarget(dir);
    return { dir, doc: await readScenarioFile(target.scenarioPath) };
  } catch (error) {
    if (error instanceof ScenarioLoadError) throw new ApiError('invalid_args', `${process.name}: ${error.message}`);
    throw error;
  }
}

/** Adds a project folder or a package file to the list (again: updated from its project file). */
export async function addProcess(scope: AssistantScope, path: string): Promise<ProcessCard> {
  const target = resolve(path);
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new ApiError('not_found', `Not found: ${target}`);
  const isPackage = info.isFile() && target.endsWith(PACKAGE_EXTENSION);
  if (!info.isDirectory() && !isPackage) {
    throw new ApiError('invalid_args', `${target} is neither a project folder nor a ${PACKAGE_EXTENSION} package`);
  }
  if (info.isDirectory() && !existsSync(join(target, 'cairn.project.json'))) {
    throw new ApiError('invalid_args', `${target} is not a Cairn project (it has no cairn.project.json)`);
  }
  const id = `${isPackage ? 'package' : 'project'}:${target}`;
  const stored = { id, kind: isPackage ? ('package' as const) : ('project' as const), path: target, name: basename(target), description: '' };
  const dir = await projectDirOf(scope, { ...stored, favourite: false, hotkey: null, autostart: false, processGuid: null, versionGuid: null, versionName: null, addedAt: 0 });
  const project = await readProject(dir).catch((error: unknown) => {
    throw new ApiError('invalid_args', error instanceof Error ? error.message : String(error));
  });
  const process = scope.open().store.assistant.upsertProcess({
    ...stored,
    name: project.name,
    description: project.description ?? '',
    versionName: project.version,
    processGuid: null,
    versionGuid: null,
  });
  scope.emit('assistant.changed', { what: 'processes' });
  return processCard(scope, process);
}

type ProcessHandlers = Pick<Handlers, 'assistant.processes' | 'assistant.addProcess' | 'assistant.removeProcess' | 'assistant.updateProcess' | 'assistant.processInputs'>;

export function processHandlers(scope: AssistantScope): ProcessHandlers {
  const { emit } = scope;
  return {
    async 'assistant.processes'() {
      return scope.open().store.assistant.processes().map((process) => processCard(scope, process));
    },
    'assistant.addProcess': ({ path }) => addProcess(scope, path),
    async 'assistant.removeProcess'({ id }) {
      findProcess(scope, id);
      scope.open().store.assistant.removeProcess(id);
      emit('assistant.changed', { what: 'processes' });
      return {};
    },
    async 'assistant.updateProcess'({ id, ...patch }) {
      findProcess(scope, id);
      const updated = scope.open().store.assistant.updateProcess(id, patch)!;
      emit('assistant.changed', { what: 'processes' });
      return processCard(scope, updated);
    },
    async 'assistant.processInputs'({ id }) {
      const { doc } = await mainScenario(scope, findProcess(scope, id));
      return { scenarioName: doc.name, description: doc.description, inputs: inputsOf(doc) };
    },
  };
}
