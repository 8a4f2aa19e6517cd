import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../util/atomicWrite.js';
import { MAX_JSON_CHARS } from './jsonText.js';
import { parseProject, parseScenario } from './parse.js';
import { formatProblem, type ScenarioProblem } from './problems.js';
import { PROJECT_FILE, SCENARIO_SUFFIX, type Project, type Scenario } from './schema.js';
import { serializeProject, serializeScenario } from './serialize.js';

/**
 * Scenario and project files on disk. Node-only: the renderer never imports this module (it
 * reaches files through the API). Saves are atomic: a crash or a full disk never leaves half a
 * file behind.
 */

/** A file that could not be loaded: which file, every problem, and where the first one is. */
export class ScenarioLoadError extends Error {
  readonly line?: number;
  readonly column?: number;

  constructor(
    readonly file: string,
    readonly problems: ScenarioProblem[],
  ) {
    super(
      problems.length > 0 ? problems.map((p) => formatProblem(p, file)).join('\n') : `${file}: cannot load`,
    );
    this.name = 'ScenarioLoadError';
    this.line = problems[0]?.line;
    this.column = problems[0]?.column;
  }
}

const fileProblem = (code: string, en: string, ru: string): ScenarioProblem => ({ severity: 'error', code, message: { en, ru } });

/**
 * The text of a scenario or project file, or why it cannot be one. Checked with stat BEFORE
 * opening: a folder, a FIFO (opening one blocks until a writer comes) or a huge file is refused
 * without hanging or filling memory.
 */
export async function readDocumentText(file: string): Promise<{ text: string } | { problem: ScenarioProblem }> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const cause = missing ? 'file not found' : (error as Error).message;
    const ruCause = missing ? 'файл не найден' : (error as Error).message;
    return { problem: fileProblem('file.read', `Cannot read ${file}: ${cause}`, `Не удалось прочитать ${file}: ${ruCause}`) };
  }
  if (info.isDirectory()) return { problem: fileProblem('file.notFile', `${file} is a folder, not a file`, `${file} — папка, а не файл`) };
  if (!info.isFile()) {
    return { problem: fileProblem('file.notFile', `${file} is not a regular file (a pipe or a device?)`, `${file} — не обычный файл (канал или устройство?)`) };
  }
  // UTF-8 needs at least one byte per character: more bytes than 4× the limit cannot fit it.
  if (info.size > MAX_JSON_CHARS * 4) {
    const mb = Math.round(info.size / 1024 / 1024);
    return { problem: fileProblem('json.tooLarge', `${file} is ${mb} MB; a scenario never is`, `${file} занимает ${mb} МБ; сценарий не бывает таким большим`) };
  }
  try {
    return { text: await readFile(file, 'utf8') };
  } catch (error) {
    const message = (error as Error).message;
    return { problem: fileProblem('file.read', `Cannot read ${file}: ${message}`, `Не удалось прочитать ${file}: ${message}`) };
  }
}

async function readText(file: string): Promise<string> {
  const read = await readDocumentText(file);
  if ('problem' in read) throw new ScenarioLoadError(file, [read.problem]);
  return read.text;
}

/** Whether `path` (absolute) is the project folder or inside it. */
export function isInsideProject(projectDir: string, path: string): boolean {
  const rel = relative(resolve(projectDir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * What is wrong with a project's `main`: outside the project folder, missing, a folder, a pipe.
 * `cairn validate` reports these; `cairn run` (and every run of a project) refuses to start.
 */
export async function projectMainProblems(projectDir: string, project: Project): Promise<ScenarioProblem[]> {
  const scenarioPath = resolve(projectDir, project.main);
  const at = { path: 'main' };
  if (!isInsideProject(projectDir, scenarioPath)) {
    return [
      {
        severity: 'error',
        code: 'project.mainOutside',
        ...at,
        message: { en: `"main" must point inside the project folder: ${project.main}`, ru: `"main" должен указывать внутрь папки проекта: ${project.main}` },
      },
    ];
  }
  const info = await stat(scenarioPath).catch(() => undefined);
  if (info === undefined) {
    return [{ severity: 'error', code: 'project.mainMissing', ...at, message: { en: `"main" names ${project.main}, which does not exist`, ru: `"main" указывает на ${project.main}, но такого файла нет` } }];
  }
  if (!info.isFile()) {
    return [
      {
        severity: 'error',
        code: 'project.mainNotFile',
        ...at,
        message: { en: `"main" names ${project.main}, which is ${info.isDirectory() ? 'a folder' : 'not a regular file'}`, ru: `"main" указывает на ${project.main}, но это ${info.isDirectory() ? 'папка' : 'не обычный файл'}` },
      },
    ];
  }
  return [];
}

/** Reads, migrates (in memory) and schema-checks a scenario file. */
export async function readScenarioFile(path: string): Promise<Scenario> {
  const file = resolve(path);
  const outcome = parseScenario(await readText(file));
  if (!outcome.ok) throw new ScenarioLoadError(file, outcome.problems);
  return outcome.doc;
}

export async function writeScenarioFile(path: string, doc: Scenario): Promise<void> {
  await writeFileAtomic(path, serializeScenario(doc));
}

export async function readProject(dir: string): Promise<Project> {
  const file = join(resolve(dir), PROJECT_FILE);
  const outcome = parseProject(await readText(file));
  if (!outcome.ok) throw new ScenarioLoadError(file, outcome.problems);
  return outcome.doc;
}

export async function writeProject(dir: string, project: Project): Promise<void> {
  await writeFileAtomic(join(resolve(dir), PROJECT_FILE), serializeProject(project));
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** The closest folder at or above `dir` that holds a cairn.project.json. */
export async function findProjectDir(dir: string): Promise<string | undefined> {
  let current = resolve(dir);
  for (;;) {
    if (await isFile(join(current, PROJECT_FILE))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export type RunTarget = { scenarioPath: string; projectDir: string; project?: Project };

/**
 * What `cairn run <target>` runs: a project folder (or its project file) → its `main` scenario;
 * a scenario file → itself, in the nearest project above it (or its own folder when there is none).
 */
export async function resolveRunTarget(target: string): Promise<RunTarget> {
  const path = resolve(target);
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new ScenarioLoadError(path, [
      {
        severity: 'error',
        code: 'file.read',
        message: { en: `Not found: ${path}`, ru: `Не найдено: ${path}` },
      },
    ]);
  }
  // `cairn run my-process/cairn.project.json` means the project, as the folder does.
  if (info.isFile() && basename(path) === PROJECT_FILE) return resolveRunTarget(dirname(path));
  if (info.isDirectory()) {
    if (!(await isFile(join(path, PROJECT_FILE)))) {
      throw new ScenarioLoadError(path, [
        {
          severity: 'error',
          code: 'project.missing',
          message: {
            en: `${path} is not a Cairn project: it has no ${PROJECT_FILE}`,
            ru: `${path} — не проект Cairn: в папке нет ${PROJECT_FILE}`,
          },
        },
      ]);
    }
    const project = await readProject(path);
    const problems = await projectMainProblems(path, project);
    if (problems.length > 0) throw new ScenarioLoadError(join(path, PROJECT_FILE), problems);
    const scenarioPath = resolve(path, project.main);
    return { scenarioPath, projectDir: path, project };
  }
  const projectDir = await findProjectDir(dirname(path));
  if (!projectDir) return { scenarioPath: path, projectDir: dirname(path) };
  return { scenarioPath: path, projectDir, project: await readProject(projectDir) };
}

/** Every `*.scenario.json` under the project folder (relative paths with `/`, sorted). */
export async function listScenarios(projectDir: string): Promise<string[]> {
  const root = resolve(projectDir);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(SCENARIO_SUFFIX))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part === 'node_modules' || part.startsWith('.')))
    .sort();
}
