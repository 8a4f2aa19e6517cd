import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listScenarios, readProject, ScenarioLoadError } from '../../scenario/io.js';
import { parseScenario } from '../../scenario/parse.js';
import { PROJECT_FILE, SCENARIO_SUFFIX } from '../../scenario/schema.js';
import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import type { ProjectInfo } from '../schemas.js';
import type { SettingsStore } from './settings.js';

type ProjectHandlers = Pick<Handlers, 'project.new' | 'project.open' | 'project.recent'>;

/** The project template `cairn new` uses too (resources/templates/project). */
export const defaultTemplateDir = fileURLToPath(
  new URL('../../../resources/templates/project', import.meta.url),
);

/**
 * Copies the template into an empty folder, filling `{{name}}` (JSON-escaped) and `{{id}}` as
 * `cairn new` does. Files are created exclusively: nothing existing is ever overwritten.
 */
async function copyTemplate(templateDir: string, target: string, name: string): Promise<void> {
  const entries = await readdir(templateDir, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    const source = join(entry.parentPath, entry.name);
    const destination = join(target, relative(templateDir, source));
    const text = await readFile(source, 'utf8');
    const filled = text
      .replaceAll('{{name}}', JSON.stringify(name).slice(1, -1))
      .replaceAll('{{id}}', randomUUID());
    await mkdir(dirname(destination), { recursive: true });
    await writeFile(destination, filled, { flag: 'wx' });
  }
}

async function listAssets(dir: string): Promise<string[]> {
  const root = join(dir, 'assets');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.'))) // .gitkeep and friends
    .sort();
}

/** The scenario's own name, or its file name when the file cannot be parsed (it still shows up). */
async function scenarioName(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const outcome = parseScenario(text);
  return outcome.ok ? outcome.doc.name : basename(path, SCENARIO_SUFFIX);
}

export async function describeProject(dir: string): Promise<ProjectInfo> {
  const root = resolve(dir);
  let project;
  try {
    project = await readProject(root);
  } catch (error) {
    if (error instanceof ScenarioLoadError && error.problems.some((p) => p.code === 'file.read')) {
      throw new ApiError('not_found', `${root} is not a Cairn project: it has no readable ${PROJECT_FILE}`);
    }
    throw new ApiError('invalid_scenario', (error as Error).message);
  }
  const scenarios = [];
  for (const relPath of await listScenarios(root)) {
    const path = join(root, ...relPath.split('/'));
    scenarios.push({ path, relPath, name: await scenarioName(path) });
  }
  return { dir: root, project, scenarios, assets: await listAssets(root) };
}

/** Projects: open (and remember as recent), create from the template, list recent ones. */
export function createProjectHandlers(
  settings: SettingsStore,
  templateDir = defaultTemplateDir,
): ProjectHandlers {
  return {
    async 'project.open'({ dir }) {
      const info = await describeProject(dir);
      await settings.rememberProject(info.dir, info.project.name);
      return info;
    },
    async 'project.new'({ dir, name }) {
      const root = resolve(dir);
      const existing = await readdir(root).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw new ApiError('forbidden', `Cannot use ${root}: ${error.message}`);
      });
      if (existing.length > 0)
        throw new ApiError('already_exists', `${root} is not empty; a new project needs an empty folder`);
      if (!(await stat(join(templateDir, PROJECT_FILE)).catch(() => undefined))) {
        throw new ApiError('not_available', `The project template is missing: ${templateDir}`);
      }
      await copyTemplate(templateDir, root, name);
      const info = await describeProject(root);
      await settings.rememberProject(info.dir, name);
      return info;
    },
    async 'project.recent'() {
      return (await settings.get()).recentProjects;
    },
  };
}
