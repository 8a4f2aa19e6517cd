import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import { settingsSchema, type Settings } from '../schemas.js';

const MAX_RECENT = 10;

export type SettingsStore = {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
  rememberProject(dir: string, name: string): Promise<void>;
};

/**
 * Settings persisted as `settings.json` in the app data folder. A damaged file is not fatal: the
 * defaults are used and the next change rewrites it (the user loses preferences, never the app).
 */
export function createSettingsStore(dataDir: string): SettingsStore {
  const file = join(dataDir, 'settings.json');
  let cached: Settings | undefined;
  // Serialises read-modify-write so two quick changes never lose one another.
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<Settings> => {
    if (cached) return cached;
    let raw: unknown = {};
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch {}
    const parsed = settingsSchema.safeParse(raw);
    cached = parsed.success ? parsed.data : settingsSchema.parse({});
    return cached;
  };

  const update = (change: (current: Settings) => Settings): Promise<Settings> => {
    const next = queue.then(async () => {
      const updated = settingsSchema.parse(change(await load()));
      await mkdir(dataDir, { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify(updated, null, 2)}\n`);
      cached = updated;
      return updated;
    });
    queue = next.catch(() => {});
    return next;
  };

  return {
    get: load,
    update: (patch) => update((current) => ({ ...current, ...patch })),
    async rememberProject(dir, name) {
      await update((current) => ({
        ...current,
        recentProjects: [
          { dir, name, openedAt: new Date().toISOString() },
          ...current.recentProjects.filter((p) => p.dir !== dir),
        ].slice(0, MAX_RECENT),
      }));
    },
  };
}
