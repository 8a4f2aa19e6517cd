import type { SeenRequest } from './context.js';
import type { JobRow } from './jobs.js';

/**
 * A typed client of the emulator's admin API (the operator's side: register robots, publish,
 * start/stop jobs, inspect). Used by tests, the benchmark and the robot's integration tests.
 */

/** A job as the admin API shows it: the emulator's own row. */
export type AdminJob = JobRow;

export type AdminLog = {
  id: number;
  guid: string;
  robot_guid: string;
  job_guid: string;
  version_guid: string;
  level: string;
  message: string;
  /** When it arrived. */
  at: string;
  /** When the robot wrote it (Cairn's `Time` field), or null when the robot did not say. */
  written_at: string | null;
};

export type AdminClient = ReturnType<typeof createAdminClient>;

export function createAdminClient(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Emulator admin ${method} ${path} failed with HTTP ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  const query = (params: Record<string, string | undefined>): string => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  return {
    addRobot: (name: string, guid?: string) => call<{ guid: string }>('POST', '/admin/robots', { name, guid }),
    addApiKey: (name: string, guid?: string) => call<{ guid: string }>('POST', '/admin/apikeys', { name, guid }),
    addProcess: (name: string) => call<{ guid: string }>('POST', '/admin/processes', { name }),
    /** `packageBytes` absent: a script-name version as the seed's Python framework uses. */
    addVersion: (processGuid: string, name: string, packageBytes?: Buffer) =>
      call<{ guid: string }>('POST', '/admin/versions', { processGuid, name, package: packageBytes?.toString('base64') }),
    addJob: (robotGuid: string, versionGuid: string, extra: { taskGuid?: string; priority?: number; name?: string } = {}) =>
      call<{ guid: string }>('POST', '/admin/jobs', { robotGuid, versionGuid, ...extra }),
    stopJob: (guid: string) => call<AdminJob>('POST', `/admin/jobs/${guid}/stop`),
    abortJob: (guid: string) => call<AdminJob>('POST', `/admin/jobs/${guid}/abort`),
    job: (guid: string) => call<AdminJob & { history: { status: number; at: string }[] }>('GET', `/admin/jobs/${guid}`),
    jobs: (robotGuid?: string) => call<{ count: number; jobs: AdminJob[] }>('GET', `/admin/jobs${query({ robotGuid })}`),
    logs: (jobGuid?: string) => call<{ count: number; logs: AdminLog[] }>('GET', `/admin/logs${query({ jobGuid })}`),
    requests: (filter: { robotGuid?: string; path?: string } = {}) =>
      call<{ count: number; requests: SeenRequest[] }>('GET', `/admin/requests${query(filter)}`),
    addAsset: (asset: { name: string; type: number | 'Text' | 'Credentials'; text?: string; password?: string }) =>
      call<{ guid: string }>('POST', '/admin/assets', asset),
    addQueue: (name: string) => call<{ guid: string }>('POST', '/admin/queues', { name }),
    tasks: (queueGuid?: string) => call<Record<string, unknown>[]>('GET', `/admin/tasks${query({ queueGuid })}`),
    screenshots: (jobGuid?: string) =>
      call<{ guid: string; job_guid: string; note: string; size: number }[]>('GET', `/admin/screenshots${query({ jobGuid })}`),
  };
}
