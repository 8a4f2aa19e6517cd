import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { catalogInfo } from '../activities/catalog.js';
import { isExpression, type Scenario } from '../scenario/schema.js';
import { listScenarios, readProject, ScenarioLoadError } from '../scenario/io.js';
import { locateProblems, parseScenario } from '../scenario/parse.js';
import { formatProblem, hasErrors, type ScenarioProblem } from '../scenario/problems.js';
import { lookupFrom, validateScenario, type BlockTypeLookup } from '../scenario/validate.js';

/**
 * Loading and validating scenario files for the CLI: every problem with its file, JSON path and
 * line:column, for `cairn validate` and the check `cairn run` does before it starts.
 */

export type FileProblems = { file: string; problems: ScenarioProblem[] };
export type CheckedScenario = FileProblems & { doc?: Scenario };

let lookup: BlockTypeLookup | undefined;
function catalogLookup(): BlockTypeLookup {
  lookup ??= lookupFrom(catalogInfo());
  return lookup;
}

/** Reads, parses and validates one scenario file; never throws for a bad file. */
export async function checkScenarioFile(path: string): Promise<CheckedScenario> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const message = (error as Error).message;
    return {
      file,
      problems: [
        {
          severity: 'error',
          code: 'file.read',
          message: { en: `Cannot read the file: ${message}`, ru: `Не удалось прочитать файл: ${message}` },
        },
      ],
    };
  }
  const outcome = parseScenario(text);
  if (!outcome.ok) return { file, problems: outcome.problems };
  const found = [...(outcome.warnings ?? []), ...validateScenario(outcome.doc, catalogLookup())];
  // After a migration the paths describe the new layout, not the text on disk.
  const problems = outcome.migratedFrom === undefined ? locateProblems(text, found) : found;
  return { file, doc: outcome.doc, problems };
}

/** Sub-scenarios a document invokes with a literal path (an expression is only known at run time). */
export function invokedScenarios(doc: Scenario): string[] {
  return doc.blocks
    .filter((block) => block.type === 'core.invoke' && !block.disabled)
    .map((block) => block.params?.scenario)
    .filter((path): path is string => typeof path === 'string' && path !== '' && !isExpression(path));
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
    const checked = await checkScenarioFile(file);
    results.push(checked);
    if (checked.doc) queue.push(...invokedScenarios(checked.doc).map((path) => resolve(projectDir, path)));
  }
  return results;
}

/** The project file and every scenario of a project folder. */
export async function checkProject(projectDir: string): Promise<FileProblems[]> {
  const results: FileProblems[] = [];
  try {
    await readProject(projectDir);
  } catch (error) {
    if (!(error instanceof ScenarioLoadError)) throw error;
    results.push({ file: error.file, problems: error.problems });
  }
  for (const path of await listScenarios(projectDir))
    results.push(await checkScenarioFile(resolve(projectDir, path)));
  return results;
}

/** Prints problems, one line each, errors first; returns whether any is an error. */
export function printProblems(
  results: readonly FileProblems[],
  lang: 'en' | 'ru',
  write: (line: string) => void = (l) => console.error(l),
): boolean {
  let errors = false;
  for (const { file, problems } of results) {
    const near = relative(process.cwd(), file);
    const shown = near === '' || near.startsWith('..') ? file : near;
    const sorted = [...problems].sort(
      (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
    );
    for (const problem of sorted) write(formatProblem(problem, shown, lang));
    errors ||= hasErrors(problems);
  }
  return errors;
}
