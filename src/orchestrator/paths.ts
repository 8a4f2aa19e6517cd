/**
 * Every Orchestrator call Cairn makes, in ONE table: method and path, with `{placeholders}` for
 * path parameters. The seed fixes the three robot calls; the rest follows the vendor's documented
 * REST API; `processVersionDownload` and `screenshotCreate` are Cairn extensions (see
 * docs/orchestrator-api.md). A site whose Orchestrator differs overrides entries in the client's
 * config (`paths: { jobUpdate: { method: 'POST' } }`) instead of patching code.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Route = { method: HttpMethod; path: string };

export const defaultPaths = {
  heartbeat: { method: 'POST', path: '/api/robot/heartbeat' },
  consumeNextJob: { method: 'POST', path: '/api/robot/consumeNextJob' },
  jobUpdate: { method: 'PUT', path: '/api/job/update' },
  logCreate: { method: 'POST', path: '/api/log/create' },
  assetRead: { method: 'GET', path: '/api/asset/read/{name}' },
  assetUpdate: { method: 'PUT', path: '/api/asset/update' },
  taskCreate: { method: 'POST', path: '/api/task/create' },
  taskRead: { method: 'GET', path: '/api/task/read/{id}' },
  taskUpdate: { method: 'PUT', path: '/api/task/update' },
  queueLastTask: { method: 'GET', path: '/api/queue/lastTask/{queueGuid}' },
  processCreate: { method: 'POST', path: '/api/process/create' },
  processRead: { method: 'GET', path: '/api/process/read/{guid}' },
  processVersionCreate: { method: 'POST', path: '/api/processVersion/create' },
  processVersionRead: { method: 'GET', path: '/api/processVersion/read/{guid}' },
  /** Cairn extension: the package bytes of a version. */
  processVersionDownload: { method: 'GET', path: '/api/processVersion/download/{guid}' },
  /** Cairn extension: a screenshot attached to a job (e.g. when a run crashes). */
  screenshotCreate: { method: 'POST', path: '/api/screenshot/create' },
  /** Cairn extension: the versions of one process, oldest first (publishing shows them). */
  processVersionList: { method: 'GET', path: '/api/processVersion/list/{processGuid}' },
  /** The assets (global variables and credentials) without their passwords: `asset/read` with no name. */
  assetList: { method: 'GET', path: '/api/asset/read' },
} as const satisfies Record<string, Route>;

export type PathName = keyof typeof defaultPaths;
export type PathTable = Record<PathName, Route>;
export type PathOverrides = Partial<Record<PathName, Partial<Route>>>;

export function resolvePaths(overrides: PathOverrides = {}): PathTable {
  const table = {} as PathTable;
  for (const name of Object.keys(defaultPaths) as PathName[]) {
    const override = overrides[name] ?? {};
    table[name] = { ...defaultPaths[name], ...override };
    if (!table[name].path.startsWith('/')) {
      throw new Error(`Orchestrator path "${name}" must start with "/", got "${table[name].path}".`);
    }
  }
  return table;
}

/**
 * Fills `{placeholders}` with URL-encoded values. An empty value drops its segment, so
 * `/api/process/read/{guid}` without a guid becomes the list call `/api/process/read`.
 */
export function fillPath(path: string, params: Record<string, string | undefined> = {}): string {
  return path
    .replace(/\/\{(\w+)\}/g, (_match, key: string) => {
      const value = params[key];
      return value === undefined || value === '' ? '' : `/${encodeURIComponent(value)}`;
    })
    .replace(/\{(\w+)\}/g, (_match, key: string) => encodeURIComponent(params[key] ?? ''));
}
