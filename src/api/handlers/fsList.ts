import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';

type FsEntry = Awaited<ReturnType<Handlers['fs.list']>>['entries'][number];

/**
 * The file picker of browser mode (Electron uses native dialogs). Folders first, then files,
 * each alphabetically; hidden entries only on request.
 */
export const listFolder: Handlers['fs.list'] = async ({ dir, extensions, directoriesOnly, showHidden }) => {
  const folder = resolve(dir && dir.length > 0 ? dir : homedir());
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ApiError('not_found', `Folder not found: ${folder}`);
    if (code === 'ENOTDIR') throw new ApiError('invalid_args', `Not a folder: ${folder}`);
    throw new ApiError('forbidden', `Cannot list ${folder}: ${(error as Error).message}`);
  }
  const wanted = extensions?.map((e) => `.${e.replace(/^\./, '').toLowerCase()}`);
  const entries: FsEntry[] = [];
  for (const name of names) {
    if (!showHidden && name.startsWith('.')) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined); // broken links and races: skip
    if (!info) continue;
    if (info.isDirectory()) {
      entries.push({ name, path, kind: 'directory', modifiedAt: info.mtime.toISOString() });
    } else if (info.isFile() && !directoriesOnly) {
      if (wanted && !wanted.some((ext) => name.toLowerCase().endsWith(ext))) continue;
      entries.push({ name, path, kind: 'file', size: info.size, modifiedAt: info.mtime.toISOString() });
    }
  }
  entries.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1,
  );
  const parent = dirname(folder);
  return { dir: folder, parent: parent === folder ? null : parent, entries };
};
