import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProject, readScenarioFile } from '../../scenario/io.js';
import type { CliCommand } from '../command.js';
import { parseOptions, UsageError, withUsage } from '../options.js';

const USAGE = 'cairn new <dir> [--name <project name>]';

/** The folder copied into every new project; `{{name}}` and `{{id}}` are filled in. */
export const templateDir = fileURLToPath(new URL('../../../resources/templates/project/', import.meta.url));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Copies the template into `dir` (created if needed), which must be empty. Returns the files written. */
export async function scaffoldProject(dir: string, name: string): Promise<string[]> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length > 0) throw new UsageError(`${dir} is not empty; choose a new or empty folder`);
  // Placeholders sit inside JSON strings: insert the values JSON-escaped.
  const fill = (text: string) =>
    text.replaceAll('{{name}}', JSON.stringify(name).slice(1, -1)).replaceAll('{{id}}', randomUUID());
  const files = await filesUnder(templateDir);
  for (const file of files) {
    const target = join(dir, file);
    await mkdir(resolve(target, '..'), { recursive: true });
    await writeFile(target, fill(await readFile(join(templateDir, file), 'utf8')), { flag: 'wx' });
  }
  return files.sort();
}

export const command: CliCommand = {
  name: 'new',
  summary: 'Creates a project with a runnable starter scenario in an empty folder.',
  usage: USAGE,
  run: (argv) =>
    withUsage('new', USAGE, async () => {
      const { values, positionals } = parseOptions(argv, { name: { type: 'string' } }, { min: 1, max: 1 });
      if (values.help) {
        console.log(
          `usage: ${USAGE}\nThe folder is created if missing and must be empty. The name defaults to the folder name.`,
        );
        return 0;
      }
      const dir = resolve(positionals[0]);
      const name = (values.name ?? basename(dir)).trim();
      if (name === '') throw new UsageError('--name must not be empty');
      const files = await scaffoldProject(dir, name);
      // The template is data: prove the result loads before telling the user it is ready.
      const project = await readProject(dir);
      await readScenarioFile(join(dir, project.main));
      console.log(`Created project "${name}" in ${dir}:`);
      for (const file of files) console.log(`  ${file}`);
      console.log(`Run it:  cairn run ${positionals[0]} --var name=Ann`);
      return 0;
    }),
};
