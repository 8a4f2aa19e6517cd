import { stat } from 'node:fs/promises';
import { defineBlock, param } from '../define.js';
import { asText } from '../kit/checks.js';
import { fileOp } from '../kit/fsErrors.js';
import { unzipTo, zipPaths } from './lib/zip.js';

export const filesZip = defineBlock({
  type: 'files.zip',
  category: 'files',
  title: { en: 'Create zip archive', ru: 'Упаковать в zip' },
  help: {
    en: 'Packs a file or a folder, plus any more paths given as a list (for example from "List files"), into a zip archive. A folder goes in with everything inside, under its own name.',
    ru: 'Упаковывает файл или папку, а также другие пути из списка (например, из блока «Список файлов»), в zip-архив. Папка попадает в архив со всем содержимым под своим именем.',
  },
  params: {
    source: param.filePath({ title: { en: 'File or folder', ru: 'Файл или папка' }, required: true }),
    more: param.list<string>({ title: { en: 'More paths (list)', ru: 'Ещё пути (список)' }, advanced: true }),
    archive: param.filePath({ title: { en: 'Archive', ru: 'Архив' }, required: true, key: true, save: true, filters: ['zip'] }),
  },
  outputs: {
    path: { type: 'text', title: { en: 'Archive', ru: 'Архив' } },
    count: { type: 'number', title: { en: 'Files packed', ru: 'Упаковано файлов' } },
  },
  async run(ctx, params) {
    // The engine checked that `more` is a list; its items are the handler's to check.
    const more = (params.more ?? []).map((s) => asText('more', s));
    const sources = [params.source, ...more].map((s) => ctx.resolvePath(s));
    for (const source of sources) await fileOp('pack', source, () => stat(source));
    const archive = ctx.resolvePath(params.archive);
    const count = await fileOp('write the archive', archive, () => zipPaths(sources, archive, ctx.signal));
    return { outputs: { path: archive, count } };
  },
});

export const filesUnzip = defineBlock({
  type: 'files.unzip',
  category: 'files',
  title: { en: 'Extract zip archive', ru: 'Распаковать zip' },
  help: {
    en: 'Extracts a zip archive into a folder. Archives with entries that would land outside the folder (../) are refused.',
    ru: 'Распаковывает zip-архив в папку. Архивы, в которых есть пути за пределы папки (../), отклоняются.',
  },
  params: {
    archive: param.filePath({ title: { en: 'Archive', ru: 'Архив' }, required: true, key: true, filters: ['zip'] }),
    folder: param.folderPath({ title: { en: 'Into folder', ru: 'В папку' }, required: true }),
  },
  outputs: { files: { type: 'list', title: { en: 'Extracted files', ru: 'Распакованные файлы' } } },
  async run(ctx, params) {
    const archive = ctx.resolvePath(params.archive);
    const folder = ctx.resolvePath(params.folder);
    await fileOp('extract', archive, () => stat(archive));
    const files = await fileOp('extract into', folder, () => unzipTo(archive, folder, ctx.signal));
    return { outputs: { files } };
  },
});
