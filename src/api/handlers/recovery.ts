import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { scenarioSchema, type Scenario } from '../../scenario/schema.js';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';

const recoveryFileSchema = z.object({ path: z.string(), savedAt: z.string(), doc: scenarioSchema });

export type RecoveryStore = Pick<
  Handlers,
  'recovery.write' | 'recovery.list' | 'recovery.read' | 'recovery.discard'
> & {
  /** Drops the recovery copy once the real file is saved. */
  discard(path: string): Promise<void>;
};

/**
 * Autosaved copies of unsaved edits, kept in `<data>/recovery/` (never beside the scenario, so a
 * project folder under git stays clean). One file per scenario, named by a hash of its path.
 */
export function createRecoveryStore(dataDir: string): RecoveryStore {
  const folder = join(dataDir, 'recovery');
  const fileFor = (path: string) =>
    join(folder, `${createHash('sha256').update(resolve(path)).digest('hex').slice(0, 32)}.json`);

  const readAll = async () => {
    const names = await readdir(folder).catch(() => [] as string[]);
    const copies: z.infer<typeof recoveryFileSchema>[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        copies.push(recoveryFileSchema.parse(JSON.parse(await readFile(join(folder, name), 'utf8'))));
      } catch {
        // A torn or foreign file is not a recovery copy; ignore it rather than block the list.
      }
    }
    return copies;
  };

  const discard = async (path: string) => rm(fileFor(path), { force: true });

  return {
    discard,
    async 'recovery.write'({ path, doc }: { path: string; doc: Scenario }) {
      await mkdir(folder, { recursive: true });
      const copy = { path: resolve(path), savedAt: new Date().toISOString(), doc };
      await writeFileAtomic(fileFor(path), JSON.stringify(copy));
      return {};
    },
    async 'recovery.list'({ projectDir }) {
      const inside = (path: string) => {
        const rel = relative(resolve(projectDir), path);
        return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
      };
      return (await readAll())
        .filter((copy) => inside(copy.path))
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
        .map(({ path, savedAt }) => ({ path, savedAt }));
    },
    async 'recovery.read'({ path }) {
      let text: string;
      try {
        text = await readFile(fileFor(path), 'utf8');
      } catch {
        throw new ApiError('not_found', `No recovery copy of ${path}`);
      }
      const copy = recoveryFileSchema.safeParse(JSON.parse(text));
      if (!copy.success) throw new ApiError('invalid_scenario', `The recovery copy of ${path} is damaged`);
      return { doc: copy.data.doc, savedAt: copy.data.savedAt };
    },
    async 'recovery.discard'({ path }) {
      await discard(path);
      return {};
    },
  };
}
