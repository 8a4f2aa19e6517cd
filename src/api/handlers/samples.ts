import { cp, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProject } from '../../scenario/io.js';
import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import { describeProject } from './projects.js';
import type { SettingsStore } from './settings.js';

type SampleHandlers = Pick<Handlers, 'samples.list' | 'samples.open'>;

/** The samples shipped with Cairn. */
export const defaultSamplesDir = fileURLToPath(new URL('../../../resources/samples', import.meta.url));

/** A folder name of a sample: no path separators, no `..`, so it can't reach outside the samples folder. */
const SAFE_NAME = /^[\w.-]+$/;

export function createSampleHandlers(settings: SettingsStore, dataDir: string, samplesDir = defaultSamplesDir): SampleHandlers {
  return {
    async 'samples.list'() {
      const entries = await readdir(samplesDir, { withFileTypes: true }).catch(() => []);
      const samples = [];
      for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
        // A folder that isn't a readable project is not offered (it would only fail to open).
        const project = await readProject(join(samplesDir, entry.name)).catch(() => undefined);
        if (project) samples.push({ name: entry.name, title: project.name, description: project.description ?? '' });
      }
      return samples;
    },
    async 'samples.open'({ name }) {
      const source = join(samplesDir, name);
      if (!SAFE_NAME.test(name) || name === '..' || !(await stat(source).catch(() => undefined))?.isDirectory()) {
        throw new ApiError('not_found', `There is no sample named "${name}"`);
      }
      const copy = join(dataDir, 'samples', name);
      // Copied once: opening it again keeps what the user changed (never overwritten).
      if (!(await stat(copy).catch(() => undefined))) await cp(source, copy, { recursive: true, errorOnExist: true, force: false });
      const info = await describeProject(copy);
      await settings.rememberProject(info.dir, info.project.name);
      return info;
    },
  };
}
