import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { PROJECT_FILE } from '../../scenario/schema.js';
import { checkProject, checkScenarioFile, type FileProblems } from '../../engine/projectCheck.js';
import { printProblems } from '../check.js';
import type { CliCommand } from '../command.js';
import { parseOptions, pickLanguage, UsageError, withUsage } from '../options.js';

const USAGE = 'cairn validate <project-dir|file.scenario.json> [--json] [--lang en|ru]';

async function collect(target: string): Promise<FileProblems[]> {
  const path = resolve(target);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`not found: ${path}`);
  if (info.isDirectory()) return checkProject(path);
  if (basename(path) === PROJECT_FILE) return checkProject(dirname(path));
  return [await checkScenarioFile(path)];
}

export const command: CliCommand = {
  name: 'validate',
  summary: 'Checks a project or scenario file: syntax, format, blocks, links, variables, expressions.',
  usage: USAGE,
  run: (argv) =>
    withUsage('validate', USAGE, async () => {
      const { values, positionals } = parseOptions(
        argv,
        { json: { type: 'boolean' }, lang: { type: 'string' } },
        { min: 1, max: 1 },
      );
      if (values.help) {
        console.log(
          `usage: ${USAGE}\nPrints every problem as file:line:column, exits 1 when there is an error (warnings alone exit 0).`,
        );
        return 0;
      }
      const lang = pickLanguage(values.lang);
      const results = await collect(positionals[0]);
      const all = results.flatMap((r) => r.problems);
      const errors = all.filter((p) => p.severity === 'error').length;
      if (values.json) {
        console.log(
          JSON.stringify(
            {
              files: results.map((r) => r.file),
              problems: results.flatMap((r) => r.problems.map((p) => ({ file: r.file, ...p }))),
            },
            null,
            2,
          ),
        );
      } else {
        printProblems(results, lang, (line) => console.log(line));
        const warnings = all.length - errors;
        const files = results.length;
        console.log(
          lang === 'ru'
            ? `${errors === 0 ? '✔' : '✖'} Файлов: ${files}, ошибок: ${errors}, предупреждений: ${warnings}`
            : `${errors === 0 ? '✔' : '✖'} ${files} file${files === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
        );
      }
      return errors > 0 ? 1 : 0;
    }),
};
