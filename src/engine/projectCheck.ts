import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { catalogInfo } from '../activities/catalog.js';
import type { Block, Scenario } from '../scenario/schema.js';
import { findProjectDir, isInsideProject, listScenarios, projectMainProblems, readDocumentText, readProject, ScenarioLoadError } from '../scenario/io.js';
import { PROJECT_FILE } from '../scenario/schema.js';
import { locateProblems, parseScenario } from '../scenario/parse.js';
import { formatPath, type ScenarioProblem } from '../scenario/problems.js';
import { lookupFrom, validateScenario, type BlockTypeLookup } from '../scenario/validate.js';

/**
 * Loading and validating a project's files: every problem with its file, JSON path and
 * line:column — for `cairn validate`, the check `cairn run` does before it starts, and publishing
 * (`cairn publish` and the Designer's Publish…), so all of them agree on what a valid project is.
 */

export type FileProblems = { file: string; problems: ScenarioProblem[] };
export type CheckedScenario = FileProblems & { doc?: Scenario };

let lookup: BlockTypeLookup | undefined;
function catalogLookup(): BlockTypeLookup {
  lookup ??= lookupFrom(catalogInfo());
  return lookup;
}

/**
 * Reads, parses and validates one scenario file of the project in `projectDir` (default: the
 * nearest project above the file, else its folder); never throws for a bad file.
 */
export async function checkScenarioFile(path: string, projectDir?: string): Promise<CheckedScenario> {
  const file = resolve(path);
  const root = projectDir ?? (await findProjectDir(dirname(file))) ?? dirname(file);
  const read = await readDocumentText(file);
  if ('problem' in read) return { file, problems: [read.problem] };
  const text = read.text;
  const outcome = parseScenario(text);
  if (!outcome.ok) return { file, problems: outcome.problems };
  const found = [
    ...(outcome.warnings ?? []),
    ...validateScenario(outcome.doc, catalogLookup()),
    ...(await missingInvokes(outcome.doc, root)),
  ];
  // After a migration the paths describe the new layout, not the text on disk.
  const problems = outcome.migratedFrom === undefined ? locateProblems(text, found) : found;
  return { file, doc: outcome.doc, problems };
}

/** The sub-scenario a block invokes with a literal path (an expression is only known at run time). */
function invokeTarget(block: Block): string | undefined {
  if (block.type !== 'core.invoke' || block.disabled) return undefined;
  const path = block.params?.scenario;
  return typeof path === 'string' && path !== '' ? path : undefined;
}

/** Sub-scenarios a document invokes with a literal path, relative to the project folder. */
export function invokedScenarios(doc: Scenario): string[] {
  return doc.blocks.map(invokeTarget).filter((path): path is string => path !== undefined);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** Invoke blocks whose sub-scenario file does not exist: caught here, not half-way through a run. */
async function missingInvokes(doc: Scenario, projectDir: string): Promise<ScenarioProblem[]> {
  const problems: ScenarioProblem[] = [];
  for (const [index, block] of doc.blocks.entries()) {
    const target = invokeTarget(block);
    if (target === undefined) continue;
    if (!isInsideProject(projectDir, resolve(projectDir, target))) {
      problems.push({
        severity: 'error',
        code: 'invoke.outsideProject',
        blockId: block.id,
        path: formatPath(['blocks', index, 'params', 'scenario']),
        message: {
          en: `Block "${block.id}" invokes ${target}, which is outside the project folder; sub-scenarios must be inside it`,
          ru: `Блок "${block.id}" вызывает ${target} — это вне папки проекта; вложенные сценарии должны лежать в ней`,
        },
      });
      continue;
    }
    if (await isFile(resolve(projectDir, target))) continue;
    problems.push({
      severity: 'error',
      code: 'invoke.missingScenario',
      blockId: block.id,
      path: formatPath(['blocks', index, 'params', 'scenario']),
      message: {
        en: `Block "${block.id}" invokes ${target}, which does not exist in the project folder`,
        ru: `Блок "${block.id}" вызывает ${target}, но такого файла нет в папке проекта`,
      },
    });
  }
  return problems;
}

/** The scenario and, transitively, every scenario it invokes (paths relative to the project). */
export async function checkWithInvoked(scenarioPath: string, projectDir: string): Promise<CheckedScenario[]> {
  const results: CheckedScenario[] = [];
  const seen = new Set<string>();
  const queue = [resolve(scenarioPath)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const checked = await checkScenarioFile(file, projectDir);
    results.push(checked);
    // Missing files are already reported at the block that invokes them.
    const invoked = checked.doc ? invokedScenarios(checked.doc).map((path) => resolve(projectDir, path)) : [];
    for (const path of invoked) if (isInsideProject(projectDir, path) && (await isFile(path))) queue.push(path);
  }
  return results;
}

/** The project file and every scenario of a project folder. */
export async function checkProject(projectDir: string): Promise<FileProblems[]> {
  const results: FileProblems[] = [];
  try {
    const project = await readProject(projectDir);
    // What `cairn run` would refuse, validate reports: one idea of what a project is.
    const problems = await projectMainProblems(projectDir, project);
    if (problems.length > 0) results.push({ file: resolve(projectDir, PROJECT_FILE), problems });
  } catch (error) {
    if (!(error instanceof ScenarioLoadError)) throw error;
    results.push({ file: error.file, problems: error.problems });
  }
  for (const path of await listScenarios(projectDir))
    results.push(await checkScenarioFile(resolve(projectDir, path), projectDir));
  return results;
}
