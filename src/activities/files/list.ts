import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT } from '../kit/checks.js';
import { loadPicomatch } from '../libraries.js';
import { fileOp } from '../kit/fsErrors.js';

type Kind = 'files' | 'folders' | 'both';

async function walk(root: string, folder: string, recursive: boolean, signal: AbortSignal, out: { path: string; rel: string; dir: boolean }[]): Promise<void> {
  signal.throwIfAborted();
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    out.push({ path, rel, dir: entry.isDirectory() });
    if (recursive && entry.isDirectory()) await walk(root, path, recursive, signal, out);
  }
}

export const filesList = defineBlock({
  type: 'files.list',
  category: 'files',
  title: { en: 'List files', ru: 'Список файлов' },
  help: {
    en: 'Lists files (or folders) whose path inside the folder matches a mask: *.xlsx, invoice_*.pdf, **/*.csv for any depth. Names are compared without regard to case. The result is sorted full paths.',
    ru: 'Возвращает файлы (или папки), путь которых внутри папки подходит под маску: *.xlsx, счёт_*.pdf, **/*.csv — на любой глубине. Регистр букв не важен. Результат — отсортированные полные пути.',
  },
  params: {
    folder: param.folderPath({ title: { en: 'Folder', ru: 'Папка' }, required: true }),
    pattern: param.text({ title: { en: 'Mask', ru: 'Маска' }, default: '*', key: true, placeholder: '*.xlsx' }),
    recursive: param.boolean({ title: { en: 'Include subfolders', ru: 'Включая подпапки' }, default: false }),
    kind: param.choice<Kind>({
      title: { en: 'What to list', ru: 'Что искать' },
      default: 'files',
      choices: [
        { value: 'files', title: { en: 'Files', ru: 'Файлы' } },
        { value: 'folders', title: { en: 'Folders', ru: 'Папки' } },
        { value: 'both', title: { en: 'Files and folders', ru: 'Файлы и папки' } },
      ],
    }),
  },
  outputs: {
    paths: { type: 'list', title: { en: 'Paths', ru: 'Пути' } },
    count: { type: 'number', title: { en: 'Count', ru: 'Количество' } },
  },
  async run(ctx, params) {
    const folder = ctx.resolvePath(params.folder);
    const pattern = params.pattern.trim() || '*';
    const recursive = params.recursive === true;
    let matches: (path: string) => boolean;
    try {
      // A mask without a slash matches the file name at any depth when subfolders are included.
      matches = loadPicomatch()(pattern, { nocase: true, dot: false, basename: recursive && !pattern.includes('/') });
    } catch (error) {
      throw new BlockError(`Mask "${pattern}" is not valid: ${(error as Error).message}`, BAD_INPUT);
    }
    const entries: { path: string; rel: string; dir: boolean }[] = [];
    await fileOp('list the folder', folder, () => walk(folder, folder, recursive, ctx.signal, entries));
    const kind = params.kind ?? 'files';
    const paths = entries
      .filter((e) => (kind === 'both' || (kind === 'folders') === e.dir) && matches(e.rel))
      .map((e) => e.path)
      .sort((a, b) => a.localeCompare(b));
    return { outputs: { paths, count: paths.length } };
  },
});
