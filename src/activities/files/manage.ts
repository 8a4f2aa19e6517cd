import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BlockError, defineBlock, param } from '../define.js';
import { fileOp } from '../kit/fsErrors.js';

const pathOutput = { path: { type: 'text' as const, title: { en: 'Full path', ru: 'Полный путь' } } };
const fromParam = param.filePath({ title: { en: 'From', ru: 'Откуда' }, required: true, key: true });
const toParam = param.filePath({ title: { en: 'To', ru: 'Куда' }, required: true, save: true });
const overwriteParam = param.boolean({ title: { en: 'Overwrite', ru: 'Перезаписать' }, default: false });

const exists = (path: string) => stat(path).then(() => true, () => false);

async function refuseOverwrite(to: string, overwrite: unknown): Promise<void> {
  if (overwrite !== true && (await exists(to))) {
    throw new BlockError(`"${to}" already exists: turn on Overwrite to replace it`, 'EEXIST');
  }
}

export const filesExists = defineBlock({
  type: 'files.exists',
  category: 'files',
  title: { en: 'File or folder exists', ru: 'Файл или папка существует' },
  help: { en: 'Checks whether a path exists, and whether it is a file or a folder.', ru: 'Проверяет, существует ли путь, и файл это или папка.' },
  params: { path: param.filePath({ title: { en: 'Path', ru: 'Путь' }, required: true, key: true }) },
  outputs: {
    exists: { type: 'boolean', title: { en: 'Exists', ru: 'Существует' } },
    isFile: { type: 'boolean', title: { en: 'Is a file', ru: 'Это файл' } },
    isFolder: { type: 'boolean', title: { en: 'Is a folder', ru: 'Это папка' } },
  },
  async run(ctx, params) {
    const info = await stat(ctx.resolvePath(params.path)).catch(() => undefined);
    return { outputs: { exists: info !== undefined, isFile: info?.isFile() ?? false, isFolder: info?.isDirectory() ?? false } };
  },
});

export const filesCopy = defineBlock({
  type: 'files.copy',
  category: 'files',
  title: { en: 'Copy file or folder', ru: 'Копировать файл или папку' },
  help: { en: 'Copies a file, or a folder with everything in it. Missing target folders are created.', ru: 'Копирует файл или папку со всем содержимым. Недостающие папки назначения создаются.' },
  params: { from: fromParam, to: toParam, overwrite: overwriteParam },
  outputs: pathOutput,
  async run(ctx, params) {
    const from = ctx.resolvePath(params.from);
    const to = ctx.resolvePath(params.to);
    await fileOp('copy', from, () => stat(from));
    await refuseOverwrite(to, params.overwrite);
    await fileOp('copy to', to, async () => {
      await mkdir(dirname(to), { recursive: true });
      await cp(from, to, { recursive: true, force: true, errorOnExist: false });
    });
    return { outputs: { path: to } };
  },
});

export const filesMove = defineBlock({
  type: 'files.move',
  category: 'files',
  title: { en: 'Move or rename', ru: 'Переместить или переименовать' },
  help: { en: 'Moves or renames a file or folder, also across disks.', ru: 'Перемещает или переименовывает файл или папку, в том числе на другой диск.' },
  params: { from: fromParam, to: toParam, overwrite: overwriteParam },
  outputs: pathOutput,
  async run(ctx, params) {
    const from = ctx.resolvePath(params.from);
    const to = ctx.resolvePath(params.to);
    await fileOp('move', from, () => stat(from));
    await refuseOverwrite(to, params.overwrite);
    await fileOp('move to', to, async () => {
      await mkdir(dirname(to), { recursive: true });
      if (params.overwrite === true) await rm(to, { recursive: true, force: true });
      try {
        await rename(from, to);
      } catch (error) {
        // rename cannot cross devices: copy, then remove the original.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await cp(from, to, { recursive: true });
        await rm(from, { recursive: true });
      }
    });
    return { outputs: { path: to } };
  },
});

export const filesDelete = defineBlock({
  type: 'files.delete',
  category: 'files',
  title: { en: 'Delete file or folder', ru: 'Удалить файл или папку' },
  help: {
    en: 'Deletes a file or an empty folder. A folder with contents is deleted only with "With everything inside" on. A missing path is not an error unless you ask.',
    ru: 'Удаляет файл или пустую папку. Папка с содержимым удаляется, только если включено «Вместе с содержимым». Отсутствие пути — не ошибка, если не указано иное.',
  },
  params: {
    path: param.filePath({ title: { en: 'Path', ru: 'Путь' }, required: true, key: true }),
    recursive: param.boolean({ title: { en: 'With everything inside', ru: 'Вместе с содержимым' }, default: false }),
    mustExist: param.boolean({ title: { en: 'Fail if missing', ru: 'Ошибка, если не существует' }, default: false, advanced: true }),
  },
  outputs: { deleted: { type: 'boolean', title: { en: 'Deleted', ru: 'Удалено' } } },
  async run(ctx, params) {
    const path = ctx.resolvePath(params.path);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) {
      if (params.mustExist === true) throw new BlockError(`Cannot delete: "${path}" does not exist`, 'ENOENT');
      return { outputs: { deleted: false } };
    }
    if (info.isDirectory() && params.recursive !== true && (await readdir(path)).length > 0) {
      throw new BlockError(`Cannot delete: folder "${path}" is not empty; turn on "With everything inside" to delete it`, 'ENOTEMPTY');
    }
    await fileOp('delete', path, () => rm(path, { recursive: info.isDirectory() }));
    return { outputs: { deleted: true } };
  },
});

export const filesCreateFolder = defineBlock({
  type: 'files.createFolder',
  category: 'files',
  title: { en: 'Create folder', ru: 'Создать папку' },
  help: { en: 'Creates a folder with any missing parent folders; an existing folder is fine.', ru: 'Создаёт папку вместе с недостающими родительскими; если папка уже есть — это не ошибка.' },
  params: { path: param.folderPath({ title: { en: 'Folder', ru: 'Папка' }, required: true, key: true }) },
  outputs: pathOutput,
  async run(ctx, params) {
    const path = ctx.resolvePath(params.path);
    await fileOp('create the folder', path, () => mkdir(path, { recursive: true }));
    return { outputs: { path } };
  },
});
