import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The host creates projects from resources/templates/project. While that template is not in
 * the tree yet (another part of the project), tests use the hello sample as the template, so
 * "New project" is exercised end to end either way. Returns undefined when the real one exists.
 */
export async function ensureProjectTemplate(root: string): Promise<string | undefined> {
  if (existsSync(join(repo, 'resources/templates/project/cairn.project.json'))) return undefined;
  const dir = join(root, 'template');
  await cp(join(repo, 'resources/samples/hello'), dir, { recursive: true });
  return dir;
}
