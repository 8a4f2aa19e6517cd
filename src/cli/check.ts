import { relative } from 'node:path';
import type { FileProblems } from '../engine/projectCheck.js';
import { formatProblem, hasErrors } from '../scenario/problems.js';

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
