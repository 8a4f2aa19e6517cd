import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { catalogInfo } from '../../activities/catalog.js';
import { toHostServices } from '../../engine/services.js';
import type { StartRun } from '../../engine/types.js';
import { coerceToType } from '../../engine/values.js';
import { PACKAGE_EXTENSION, unpackProject } from '../../publish/package.js';
import { lockDataDir, type DataLock } from '../../robot/dataLock.js';
import { appDatabaseFile } from '../../robot/robot.js';
import { createDeskRobot, type DeskRobot } from '../../robot/desk.js';
import { readProject, readScenarioFile, resolveRunTarget, ScenarioLoadError } from '../../scenario/io.js';
import type { Scenario } from '../../scenario/schema.js';
import { REDACTED } from '../../scenario/values.js';
import { openAppStore, type AppStore } from '../../store/appStore.js';
import type { StoredProcess } from '../../store/assistantStore.js';
import { assistantOptionsSchema, type AssistantOptions, type ProcessCard, type ProcessInput } from '../assistantCommands.js';
import type { Emit, Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { DialogBroker } from './dialogs.js';
import type { SettingsStore } from './settings.js';

type AssistantHandlerName = Extract<keyof Handlers, `assistant.${string}`>;
export type AssistantHandlers = Pick<Handlers, AssistantHandlerName>;

export type AssistantTuning = {
  /** Between Ready heartbeats while idle (default 10 s): how fast an outage shows. */
  pollIntervalMs?: number;
  outboxRetryMaxMs?: number;
  /** TEST ONLY: lowers the protocol's 10 s floor of working heartbeats. */
  testOnlyWorkingHeartbeatFloorMs?: number;
  workingHeartbeatMs?: number;
  captureScreen?(): Promise<Buffer>;
};

export type AssistantControl = AssistantHandlers & {
  /** Opens the database, connects, applies retention and starts autostart processes. */
  start(initialPaths?: string[]): Promise<void>;
  dispose(): Promise<void>;
};

const OPTIONS_KEY = 'assistant';

/** The whole screen as PNG, with the same tools the "Send screenshot" block uses (loaded on first use). */
async function captureDesktop(): Promise<Buffer> {
  const { captureScreen } = await import('../../activities/orchestrator/lib/screen.js');
  // The capture helper wants a block's signal and process tracking; a bounded signal is all it needs here.
  const context = { signal: AbortSignal.timeout(30_000), trackProcess: () => {} };
  return captureScreen(context as unknown as Parameters<typeof captureScreen>[0]);
}

function optionsStore(store: AppStore) {
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

function inputsOf(doc: Scenario): ProcessInput[] {
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

/** The form's values typed for the scenario; empty optional fields take the default. */
function typedArguments(doc: Scenario, given: Record<string, unknown>): { args: Record<string, unknown>; masked: Record<string, unknown> } {
  const args: Record<string, unknown> = {};
  const masked: Record<string, unknown> = {};
  const inputs = inputsOf(doc);
  for (const name of Object.keys(given)) {
    if (!inputs.some((input) => input.name === name)) throw new ApiError('invalid_args', `The process has no input "${name}"`);
  }
  for (const input of inputs) {
    const raw = given[input.name];
    if (raw === undefined || raw === '') {
      if (input.required) throw new ApiError('invalid_args', `"${input.name}" is required`);
      continue;
    }
    try {
      args[input.name] = coerceToType(input.type, raw, `"${input.name}"`);
    } catch (error) {
      throw new ApiError('invalid_args', error instanceof Error ? error.message : String(error));
    }
    masked[input.name] = input.sensitive ? REDACTED : args[input.name];
  }
  return { args, masked };
}

/** The history's export: one line per log line, with local time and level. */
function logText(name: string, lines: { at: number; level: string; message: string }[]): string {
  return [`# ${name}`, ...lines.map((l) => `${new Date(l.at).toISOString()} ${l.level.toUpperCase().padEnd(5)} ${l.message}`)].join('\n') + '\n';
}

export function createAssistantHandlers(deps: {
  dataDir: string;
  startRun: StartRun;
  emit: Emit;
  dialogs: DialogBroker;
  settings: SettingsStore;
  tuning?: AssistantTuning;
}): AssistantControl {
  const { dataDir, emit, dialogs, settings } = deps;
  let opened: { store: AppStore; desk: DeskRobot; options: ReturnType<typeof optionsStore>; lock: DataLock } | undefined;

  const open = () => {
    if (opened) return opened;
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
    opened = { store, desk, options: optionsStore(store), lock };
    return opened;
  };

  const connectFromSettings = async () => {
    const { orchestrator } = await settings.get();
    const url = orchestrator.url?.trim();
    const robotGuid = orchestrator.robotGuid?.trim();
    open().desk.configure(url && robotGuid ? { url, robotGuid, insecureTls: orchestrator.allowInsecureTls === true } : null);
  };

  const card = (process: StoredProcess): ProcessCard => {
    const last = open().store.assistant.lastRunOf(process.id);
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
  };

  const find = (id: string) => {
    const process = open().store.assistant.process(id);
    if (!process) throw new ApiError('not_found', `No process ${id} in the list`);
    return process;
  };

  /** The folder to run: a project as it is, a package unpacked once into the data folder. */
  const projectDirOf = async (process: StoredProcess): Promise<string> => {
    if (process.kind !== 'package') return process.path;
    const bytes = await readFile(process.path).catch(() => {
      throw new ApiError('not_found', `The package ${process.path} is gone; add it again`);
    });
    const dir = join(dataDir, 'packages', createHash('sha256').update(bytes).digest('hex').slice(0, 32));
    if (!existsSync(join(dir, 'cairn.project.json'))) await unpackProject(bytes, dir);
    return dir;
  };

  const mainScenario = async (process: StoredProcess): Promise<{ dir: string; doc: Scenario }> => {
    const dir = await projectDirOf(process);
    try {
      const target = await resolveRunTarget(dir);
      return { dir, doc: await readScenarioFile(target.scenarioPath) };
    } catch (error) {
      if (error instanceof ScenarioLoadError) throw new ApiError('invalid_args', `${process.name}: ${error.message}`);
      throw error;
    }
  };

  const addProcess = async (path: string): Promise<ProcessCard> => {
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
    const dir = await projectDirOf({ ...stored, favourite: false, hotkey: null, autostart: false, processGuid: null, versionGuid: null, versionName: null, addedAt: 0 });
    const project = await readProject(dir).catch((error: unknown) => {
      throw new ApiError('invalid_args', error instanceof Error ? error.message : String(error));
    });
    const process = open().store.assistant.upsertProcess({
      ...stored,
      name: project.name,
      description: project.description ?? '',
      versionName: project.version,
      processGuid: null,
      versionGuid: null,
    });
    emit('assistant.changed', { what: 'processes' });
    return card(process);
  };

  const stepTitler = async (doc: Scenario) => {
    const lang = (await settings.get()).language;
    const catalog = new Map(catalogInfo().map((b) => [b.type, b.title]));
    return (blockId: string, scenario?: string) => {
      const block = !scenario || scenario === doc.name ? doc.blocks.find((b) => b.id === blockId) : undefined;
      const title = block?.title ?? (block ? catalog.get(block.type)?.[lang] : undefined);
      return title ? `${title} (${blockId})` : blockId;
    };
  };

  const startProcess = async (id: string, given: Record<string, unknown>) => {
    const process = find(id);
    const { dir, doc } = await mainScenario(process);
    const { args, masked } = typedArguments(doc, given);
    const { desk, options } = open();
    const { createJobRecord, screenshotOnCrash } = options.get();
    let run;
    try {
      run = desk.start({
        process,
        target: dir,
        args,
        maskedArgs: masked,
        services: (runId) => toHostServices(dialogs.servicesFor(runId)),
        stepTitle: await stepTitler(doc),
        createJobRecord,
        screenshotOnCrash,
      });
    } catch (error) {
      throw new ApiError('conflict', error instanceof Error ? error.message : String(error));
    }
    void run.done.finally(() => dialogs.cancelRun(run.runId));
    return { runId: run.runId, runGuid: run.runGuid, processId: run.processId, name: run.name, startedAt: run.startedAt };
  };

  const handlers: AssistantHandlers = {
    async 'assistant.processes'() {
      return open().store.assistant.processes().map(card);
    },
    'assistant.addProcess': ({ path }) => addProcess(path),
    async 'assistant.removeProcess'({ id }) {
      find(id);
      open().store.assistant.removeProcess(id);
      emit('assistant.changed', { what: 'processes' });
      return {};
    },
    async 'assistant.updateProcess'({ id, ...patch }) {
      find(id);
      const updated = open().store.assistant.updateProcess(id, patch)!;
      emit('assistant.changed', { what: 'processes' });
      return card(updated);
    },
    async 'assistant.processInputs'({ id }) {
      const { doc } = await mainScenario(find(id));
      return { scenarioName: doc.name, description: doc.description, inputs: inputsOf(doc) };
    },
    'assistant.run': ({ id, args }) => startProcess(id, args),
    async 'assistant.control'({ runId, action }) {
      const active = open().desk.active();
      if (!active || active.runId !== runId) throw new ApiError('not_found', `No active run ${runId} (it has finished)`);
      if (action === 'pause') active.handle.debug({ type: 'pause' });
      else if (action === 'resume') active.handle.debug({ type: 'continue' });
      else if (action === 'stop') active.handle.stop();
      else active.handle.abort();
      return {};
    },
    async 'assistant.active'() {
      const active = open().desk.active();
      return { run: active ? { runId: active.runId, runGuid: active.runGuid, processId: active.processId, name: active.name, startedAt: active.startedAt } : null };
    },
    async 'assistant.history'(filter) {
      return open().store.assistant.runs(filter);
    },
    async 'assistant.historyRun'({ runGuid }) {
      const { store } = open();
      const run = store.assistant.run(runGuid);
      if (!run) throw new ApiError('not_found', `No run ${runGuid} in the history`);
      return { run, log: store.assistant.logOf(runGuid), screenshots: store.assistant.screenshotsOf(runGuid) };
    },
    async 'assistant.exportLog'({ runGuid }) {
      const { store } = open();
      const run = store.assistant.run(runGuid);
      if (!run) throw new ApiError('not_found', `No run ${runGuid} in the history`);
      const stamp = new Date(run.startedAt).toISOString().replace(/[:.]/g, '-');
      return { fileName: `${run.name.replace(/[^\w\u0400-\u04FF-]+/g, '_')}-${stamp}.log`, text: logText(run.name, store.assistant.logOf(runGuid)) };
    },
    async 'assistant.connection'() {
      return open().desk.connection();
    },
    async 'assistant.connect'({ url, robotGuid, allowInsecureTls }) {
      const trimmed = url.trim();
      if (trimmed && !/^https?:\/\/[^\s/]+/i.test(trimmed)) throw new ApiError('invalid_args', `"${trimmed}" is not an http:// or https:// address`);
      const current = await settings.get();
      await settings.update({
        orchestrator: { ...current.orchestrator, url: trimmed || undefined, robotGuid: robotGuid.trim() || undefined, allowInsecureTls },
      });
      await connectFromSettings();
      await open().desk.refresh();
      return open().desk.connection();
    },
    async 'assistant.refresh'() {
      await open().desk.refresh();
      return open().desk.connection();
    },
    async 'assistant.options'() {
      return open().options.get();
    },
    async 'assistant.setOptions'(patch) {
      const next = assistantOptionsSchema.parse({ ...open().options.get(), ...patch });
      open().options.set(next);
      emit('assistant.changed', { what: 'options' });
      return next;
    },
  };

  return {
    ...handlers,
    async start(initialPaths = []) {
      const { store, options } = open();
      const { retentionDays, retentionCount } = options.get();
      store.assistant.applyRetention({ days: retentionDays, count: retentionCount });
      for (const path of initialPaths) await addProcess(path);
      await connectFromSettings();
      // Autostart: one after another (one robot runs one process at a time).
      const autostart = store.assistant.processes().filter((p) => p.autostart);
      void (async () => {
        for (const process of autostart) {
          try {
            const run = await startProcess(process.id, {});
            await open().desk.active()?.done;
            void run;
          } catch (error) {
            console.warn(`cairn assistant: autostart of "${process.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      })();
    },
    async dispose() {
      if (!opened) return;
      await opened.desk.close();
      opened.store.close();
      opened.lock.release();
      opened = undefined;
    },
  };
}
