import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import type { Handlers } from '../context.js';
import { debugWorkspaceSchema, type DebugWorkspace } from '../debugCommands.js';

type WorkspaceHandlers = Pick<Handlers, 'debug.workspace.get' | 'debug.workspace.set'>;

const empty = (): DebugWorkspace => ({ breakpoints: {}, breakOnError: false, watches: [] });

/** Re-keys the breakpoints' scenario paths (relative in the file, so a moved project keeps them). */
function rekey(settings: DebugWorkspace, key: (path: string) => string): DebugWorkspace {
  return { ...settings, breakpoints: Object.fromEntries(Object.entries(settings.breakpoints).map(([path, list]) => [key(path), list])) };
}

/**
 * The debugger's per-project settings, one JSON file per project folder in `<data>/debug/`
 * (named by a hash of the folder), like the recovery copies: nothing is written into the project.
 */
export function createDebugWorkspaceHandlers(dataDir: string): WorkspaceHandlers {
  const folder = join(dataDir, 'debug');
  const fileFor = (dir: string) => join(folder, `${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32)}.json`);
  return {
    async 'debug.workspace.get'({ projectDir }) {
      const dir = resolve(projectDir);
      let text: string;
      try {
        text = await readFile(fileFor(dir), 'utf8');
      } catch {
        return empty(); // never debugged here yet
      }
      try {
        const parsed = debugWorkspaceSchema.parse(JSON.parse(text));
        return rekey(parsed, (path) => (isAbsolute(path) ? path : resolve(dir, path)));
      } catch {
        return empty(); // a torn or foreign file: start clean rather than refuse to open the project
      }
    },
    async 'debug.workspace.set'({ projectDir, settings }) {
      const dir = resolve(projectDir);
      await mkdir(folder, { recursive: true });
      const stored = rekey(settings, (path) => {
        const rel = relative(dir, path);
        return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
      });
      await writeFileAtomic(fileFor(dir), `${JSON.stringify({ dir, ...stored }, null, 2)}\n`);
      return {};
    },
  };
}
