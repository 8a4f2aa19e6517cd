import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { HostServices, RunErrorInfo, RunEvent, RunHandle, RunRequest, StartRun } from '../engine/types.js';
import { unpackProject } from '../publish/package.js';
import type { OutboxLogLevel } from '../store/outbox.js';
import type { Execution, ExecutionLog } from './execution.js';

/**
 * Cairn-package jobs: the process version's package is downloaded once, cached under the robot's
 * data folder by version GUID, unpacked, and run by the engine in its own runner process.
 */

const SAFE_GUID = /^[\w-]+$/;

/** The unpacked project folder of a version, downloading it on first use. */
export async function prepareVersion(options: {
  versionGuid: string;
  cacheDir: string;
  download(versionGuid: string): Promise<Buffer>;
}): Promise<string> {
  const { versionGuid, cacheDir } = options;
  if (!SAFE_GUID.test(versionGuid)) throw new Error(`Process version GUID "${versionGuid}" is not a plain GUID; refusing to use it as a folder name`);
  const dir = path.join(cacheDir, versionGuid);
  if (existsSync(path.join(dir, 'cairn.project.json'))) return dir;
  const buffer = await options.download(versionGuid);
  // Unpack beside the target and rename, so a robot killed mid-unpack never leaves a half folder
  // that looks complete.
  const staging = `${dir}.partial-${randomUUID()}`;
  await mkdir(cacheDir, { recursive: true });
  try {
    await unpackProject(buffer, staging);
    if (!existsSync(path.join(staging, 'cairn.project.json'))) {
      throw new Error(`The package of process version ${versionGuid} has no cairn.project.json`);
    }
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return dir;
}

const LEVELS: Record<Extract<RunEvent, { type: 'log' }>['level'], OutboxLogLevel> = {
  debug: 'Debug',
  info: 'Info',
  warn: 'Warning',
  error: 'Error',
};

/** Longest variable value copied into a log line; the Orchestrator's log is not a data store. */
const MAX_VARIABLE_TEXT = 2000;

function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > MAX_VARIABLE_TEXT ? `${text.slice(0, MAX_VARIABLE_TEXT)}… (${text.length} chars)` : text;
}

/** Maps engine events to the job's log: log lines, and variable changes as Debug lines. */
export function logRunEvent(event: RunEvent, log: ExecutionLog): void {
  if (event.type === 'log') log(LEVELS[event.level], event.message);
  else if (event.type === 'variable') log('Debug', `${event.scenario}: ${event.name} = ${describeValue(event.value)}`);
}

/**
 * The run's `out` variables, one line each when it ends: the engine reports variable values only
 * at the end of a run (and in debug sessions), so this is where a robot run's results reach the
 * Orchestrator's log.
 */
export function logRunOutputs(outputs: Record<string, unknown>, log: ExecutionLog): void {
  for (const [name, value] of Object.entries(outputs)) log('Info', `Output ${name} = ${describeValue(value)}`);
}

/** "block read (excel.readSheet) of main.scenario.json: file not found" — what the user needs to find it. */
export function describeRunError(error: RunErrorInfo): string {
  const where = error.blockId ? `block ${error.blockId}${error.blockType ? ` (${error.blockType})` : ''}` : '';
  const scenario = error.scenario ? `${where ? ' of ' : ''}${error.scenario}` : '';
  const prefix = where || scenario ? `${where}${scenario}: ` : '';
  return `${prefix}${error.message}`;
}

/** A run as the agent supervises it: its events and outputs go to the job's log. */
export function executionOf(handle: RunHandle, log: ExecutionLog, onPid?: (pid: number) => void): Execution {
  handle.onEvent((event) => {
    if (event.type === 'process.spawned') onPid?.(event.pid);
    logRunEvent(event, log);
  });
  return {
    stop: () => handle.stop(),
    abort: () => handle.abort(),
    done: handle.done.then((summary) => {
      logRunOutputs(summary.outputs, log);
      return { result: summary.result, error: summary.error ? describeRunError(summary.error) : undefined };
    }),
  };
}

export function startCairnRun(options: {
  startRun: StartRun;
  projectDir: string;
  name: string;
  services: HostServices;
  log: ExecutionLog;
  onPid?(pid: number): void;
  /** Stop grace and heap limit of the run (the robot's settings). */
  limits?: Pick<RunRequest, 'stopGraceMs' | 'memoryLimitMb'>;
}): Execution {
  const handle = options.startRun({ target: options.projectDir, name: options.name, ...options.limits }, options.services);
  return executionOf(handle, options.log, options.onPid);
}
