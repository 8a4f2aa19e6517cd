import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listScenarios, readProject, ScenarioLoadError } from '../../scenario/io.js';
import { locateProblems, parseScenario } from '../../scenario/parse.js';
import type { ScenarioProblem } from '../../scenario/problems.js';
import { validateDocument } from './validation.js';

export type FileProblems = { file: string; problems: ScenarioProblem[] };

/**
 * The whole project as publishing sees it: the project file and every scenario, parsed and
 * validated against the catalog, with line:column where known. (The command line runs the same
 * checks through src/cli/check.ts, which the service may not import.)
 */
export async function checkProjectFiles(projectDir: string): Promise<FileProblems[]> {
  const dir = resolve(projectDir);
  const results: FileProblems[] = [];
  try {
    await readProject(dir);
  } catch (error) {
    if (!(error instanceof ScenarioLoadError)) throw error;
    results.push({ file: error.file, problems: error.problems });
  }
  for (const rel of await listScenarios(dir)) {
    const file = resolve(dir, rel);
    const text = await readFile(file, 'utf8');
    const outcome = parseScenario(text);
    if (!outcome.ok) {
      results.push({ file, problems: outcome.problems });
      continue;
    }
    const found = [...(outcome.warnings ?? []), ...validateDocument(outcome.doc)];
    results.push({ file, problems: outcome.migratedFrom === undefined ? locateProblems(text, found) : found });
  }
  return results;
}
