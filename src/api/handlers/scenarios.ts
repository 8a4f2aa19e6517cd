import { randomUUID } from 'node:crypto';
import { access, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseScenario } from '../../scenario/parse.js';
import { formatProblem } from '../../scenario/problems.js';
import { SCENARIO_FORMAT, SCENARIO_SUFFIX, type Scenario } from '../../scenario/schema.js';
import { serializeScenario } from '../../scenario/serialize.js';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { RecoveryStore } from './recovery.js';
import { revisionOf, type ScenarioWatcher } from './watcher.js';

type ScenarioHandlers = Pick<
  Handlers,
  | 'scenario.read'
  | 'scenario.create'
  | 'scenario.save'
  | 'scenario.rename'
  | 'scenario.delete'
  | 'scenario.close'
>;

/** `Process invoices` → `process-invoices` (letters of any script kept: Russian names stay readable). */
export function scenarioFileName(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'scenario'}${SCENARIO_SUFFIX}`;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ApiError('not_found', `Scenario file not found: ${path}`);
    throw new ApiError('forbidden', `Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Reads and parses a scenario file; problems become one readable error naming the file. */
export async function loadScenario(path: string): Promise<{ doc: Scenario; rev: string }> {
  const text = await readText(path);
  const outcome = parseScenario(text);
  if (!outcome.ok) {
    const lines = outcome.problems.slice(0, 5).map((p) => formatProblem(p, path));
    throw new ApiError('invalid_scenario', lines.join('\n'));
  }
  return { doc: outcome.doc, rev: revisionOf(text) };
}

function requireScenarioPath(path: string): string {
  if (!path.endsWith(SCENARIO_SUFFIX))
    throw new ApiError('invalid_args', `Not a scenario file (*${SCENARIO_SUFFIX}): ${path}`);
  return resolve(path);
}

/**
 * Scenario files: read (and watch), create, save atomically with conflict detection, rename,
 * delete. The revision is a hash of the bytes on disk, so "changed since you opened it" means
 * exactly that, whoever changed it.
 */
export function createScenarioHandlers(watcher: ScenarioWatcher, recovery: RecoveryStore): ScenarioHandlers {
  const write = async (path: string, doc: Scenario) => {
    const text = serializeScenario(doc);
    const rev = revisionOf(text);
    watcher.noteOwnWrite(path, rev); // before the write: the watch event may fire before we return
    await writeFileAtomic(path, text);
    await recovery.discard(path);
    return rev;
  };

  return {
    async 'scenario.read'({ path }) {
      const full = resolve(path);
      const loaded = await loadScenario(full);
      watcher.track(full, loaded.rev);
      return loaded;
    },
    async 'scenario.create'({ projectDir, name }) {
      const path = join(resolve(projectDir), scenarioFileName(name));
      if (await exists(path)) throw new ApiError('already_exists', `A scenario file already exists: ${path}`);
      const doc: Scenario = {
        format: SCENARIO_FORMAT,
        id: randomUUID(),
        name,
        variables: [],
        blocks: [{ id: 'start', type: 'core.start', at: [0, 0] }],
        links: [],
      };
      const rev = await write(path, doc);
      watcher.track(path, rev);
      return { path, doc, rev };
    },
    async 'scenario.save'({ path, doc, baseRev }) {
      const full = requireScenarioPath(path);
      if (baseRev !== undefined) {
        const current = await readFile(full, 'utf8').catch(() => undefined);
        if (current !== undefined && revisionOf(current) !== baseRev) {
          throw new ApiError(
            'conflict',
            `${full} was changed on disk since it was opened; reload it or save again to overwrite`,
          );
        }
      }
      return { rev: await write(full, doc) };
    },
    async 'scenario.rename'({ path, name }) {
      const from = requireScenarioPath(path);
      const { doc } = await loadScenario(from);
      const to = join(dirname(from), scenarioFileName(name));
      if (to !== from && (await exists(to)))
        throw new ApiError('already_exists', `A scenario file already exists: ${to}`);
      const rev = await write(to, { ...doc, name });
      if (to !== from) {
        await rm(from, { force: true });
        watcher.untrack(from);
        await recovery.discard(from);
      }
      watcher.track(to, rev);
      return { path: to, rev };
    },
    async 'scenario.delete'({ path }) {
      const full = requireScenarioPath(path);
      if (!(await exists(full))) throw new ApiError('not_found', `Scenario file not found: ${full}`);
      watcher.untrack(full);
      await rm(full);
      await recovery.discard(full);
      return {};
    },
    async 'scenario.close'({ path }) {
      watcher.untrack(resolve(path));
      return {};
    },
  };
}
