import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../orchestrator/emulator/server.js';
import { packProject } from '../../publish/package.js';

/**
 * Helpers for the robot's tests against the real emulator: projects on disk, the emulator's
 * admin API, and polling for a condition with a deadline (never a fixed sleep).
 */

export const tempDir = (prefix: string) => mkdtemp(path.join(os.tmpdir(), `cairn-${prefix}-`));

type ScenarioBlock = { id: string; type: string; params?: Record<string, unknown>; outputs?: Record<string, string> };
type ScenarioLink = { from: string; port?: string; to: string };

/** Writes a one-scenario Cairn project and returns its folder. */
export async function writeProject(dir: string, name: string, blocks: ScenarioBlock[], links: ScenarioLink[], variables: unknown[] = []): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'cairn.project.json'), JSON.stringify({ format: 'cairn.project/1', name, version: '1.0.0', main: 'main.scenario.json' }, null, 2));
  const scenario = { format: 'cairn.scenario/1', id: `${name}-main`, name, variables, blocks: blocks.map((b) => ({ at: [0, 0], ...b })), links };
  await writeFile(path.join(dir, 'main.scenario.json'), JSON.stringify(scenario, null, 2));
  return dir;
}

/** start → repeat `count` × (log "line <i>", delay `delayMs`) → log "done". */
export function loggingScenario(count: number, delayMs: number): { blocks: ScenarioBlock[]; links: ScenarioLink[]; variables: unknown[] } {
  return {
    variables: [{ name: 'i', type: 'number' }],
    blocks: [
      { id: 'start', type: 'core.start' },
      { id: 'loop', type: 'core.repeat', params: { count }, outputs: { index: 'i' } },
      { id: 'say', type: 'core.log', params: { level: 'info', message: { expr: "'line ' + i" } } },
      { id: 'wait', type: 'core.delay', params: { ms: delayMs } },
      { id: 'done', type: 'core.log', params: { level: 'info', message: 'done' } },
    ],
    links: [
      { from: 'start', to: 'loop' },
      { from: 'loop', port: 'body', to: 'say' },
      { from: 'say', to: 'wait' },
      { from: 'loop', port: 'done', to: 'done' },
    ],
  };
}

export async function packageBase64(projectDir: string): Promise<string> {
  return (await packProject(projectDir)).toString('base64');
}

export type AdminLog = { level: string; message: string; job_guid: string; at: string; written_at: string | null };
export type AdminJob = { guid: string; status: number; history: { status: number; at: string }[] };
export type AdminRequest = { method: string; path: string; robotGuid: string; status: number; at: string };

/** The emulator's admin API (JSON over real HTTP). */
export function adminApi(baseUrl: () => string) {
  async function call<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl()}${route}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`admin ${method} ${route} → ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  return {
    robot: async (name: string, guid?: string) => (await call<{ guid: string }>('POST', '/admin/robots', { name, guid })).guid,
    process: async (name: string) => (await call<{ guid: string }>('POST', '/admin/processes', { name })).guid,
    packageVersion: async (processGuid: string, name: string, pkg: string) =>
      (await call<{ guid: string }>('POST', '/admin/versions', { processGuid, name, package: pkg })).guid,
    scriptVersion: async (processGuid: string, scriptName: string) =>
      (await call<{ guid: string }>('POST', '/admin/versions', { processGuid, name: scriptName })).guid,
    job: async (robotGuid: string, versionGuid: string) => (await call<{ guid: string }>('POST', '/admin/jobs', { robotGuid, versionGuid })).guid,
    stop: (jobGuid: string) => call('POST', `/admin/jobs/${jobGuid}/stop`),
    abort: (jobGuid: string) => call('POST', `/admin/jobs/${jobGuid}/abort`),
    getJob: (jobGuid: string) => call<AdminJob>('GET', `/admin/jobs/${jobGuid}`),
    logs: async (jobGuid: string) => (await call<{ count: number; logs: AdminLog[] }>('GET', `/admin/logs?jobGuid=${jobGuid}`)).logs,
    requests: async (robotGuid: string, route: string) =>
      (await call<{ requests: AdminRequest[] }>('GET', `/admin/requests?robotGuid=${robotGuid}&path=${encodeURIComponent(route)}`)).requests,
    asset: (body: { name: string; type: number; text?: string; password?: string }) => call('POST', '/admin/assets', body),
    queue: async (name: string) => (await call<{ guid: string }>('POST', '/admin/queues', { name })).guid,
    tasks: (queueGuid: string) => call<{ guid: string; name: string; status: number; comment: string | null }[]>('GET', `/admin/tasks?queueGuid=${queueGuid}`),
    screenshots: (jobGuid: string) => call<{ job_guid: string; note: string; size: number }[]>('GET', `/admin/screenshots?jobGuid=${jobGuid}`),
  };
}
export type AdminApi = ReturnType<typeof adminApi>;

/** The shared polling helper, re-exported for this kit's users. */
export { until } from '../../testing/until.js';

/** Alive and not a zombie (one helper for every process test). */
export { alive as isAlive } from '../../engine/runner/testing/processes.js';

export const FINAL_JOB_STATUSES = [3, 4, 5, 7];

export type EmulatorFixture = { readonly dir: string; readonly emulator: EmulatorHandle; readonly admin: AdminApi };

/**
 * A fresh temp folder and an emulator on its own SQLite file for each test, both gone after it.
 * Call at the top of a test file; the file's own afterEach hooks (registered after this one) run
 * first, so robots and processes are closed before the emulator is.
 */
export function useEmulator(prefix: string): EmulatorFixture {
  let dir = '';
  let emulator: EmulatorHandle | undefined;
  const admin = adminApi(() => fixture.emulator.url);
  const fixture: EmulatorFixture = {
    get dir() {
      return dir;
    },
    get emulator() {
      if (!emulator) throw new Error('the emulator fixture is used outside a test');
      return emulator;
    },
    admin,
  };
  beforeEach(async () => {
    dir = await tempDir(prefix);
    emulator = await startEmulator({ port: 0, dbFile: path.join(dir, 'emulator.sqlite') });
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  return fixture;
}
