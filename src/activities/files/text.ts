import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { defineBlock, param } from '../define.js';
import { decodeText, encodeText, encodingChoices } from '../kit/encoding.js';
import { fileOp } from '../kit/fsErrors.js';

const encodingParam = param.choice({ title: { en: 'Encoding', ru: 'Кодировка' }, default: 'utf-8', choices: encodingChoices });
const pathOutput = { path: { type: 'text' as const, title: { en: 'Full path', ru: 'Полный путь' } } };

export const filesReadText = defineBlock({
  type: 'files.readText',
  category: 'files',
  title: { en: 'Read text file', ru: 'Прочитать текстовый файл' },
  help: { en: 'Reads a whole text file. Choose Windows-1251 for old Russian files from 1C and Windows programs.', ru: 'Читает текстовый файл целиком. Для старых файлов из 1С и программ Windows выберите Windows-1251.' },
  params: {
    path: param.filePath({ title: { en: 'File', ru: 'Файл' }, required: true, key: true, filters: ['txt', 'csv', 'xml', 'json', 'log'] }),
    encoding: encodingParam,
  },
  outputs: { text: { type: 'text', title: { en: 'Text', ru: 'Текст' } } },
  async run(ctx, params) {
    const path = ctx.resolvePath(params.path);
    const bytes = await fileOp('read the file', path, () => readFile(path));
    return { outputs: { text: decodeText(bytes, params.encoding) } };
  },
});

export const filesWriteText = defineBlock({
  type: 'files.writeText',
  category: 'files',
  title: { en: 'Write text file', ru: 'Записать текстовый файл' },
  help: { en: 'Writes text to a file, replacing its contents; missing folders are created.', ru: 'Записывает текст в файл, заменяя его содержимое; недостающие папки создаются.' },
  params: {
    path: param.filePath({ title: { en: 'File', ru: 'Файл' }, required: true, key: true, save: true }),
    text: param.multiline({ title: { en: 'Text', ru: 'Текст' }, required: true }),
    encoding: encodingParam,
  },
  outputs: pathOutput,
  async run(ctx, params) {
    const path = ctx.resolvePath(params.path);
    const bytes = encodeText(params.text, params.encoding);
    await fileOp('write the file', path, async () => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    });
    return { outputs: { path } };
  },
});

export const filesAppendText = defineBlock({
  type: 'files.appendText',
  category: 'files',
  title: { en: 'Append to text file', ru: 'Дописать в текстовый файл' },
  help: { en: 'Adds text at the end of a file, creating the file if it does not exist. Add a line break yourself if you need one.', ru: 'Дописывает текст в конец файла; если файла нет, он создаётся. Перевод строки при необходимости добавьте сами.' },
  params: {
    path: param.filePath({ title: { en: 'File', ru: 'Файл' }, required: true, key: true, save: true }),
    text: param.multiline({ title: { en: 'Text', ru: 'Текст' }, required: true }),
    encoding: encodingParam,
  },
  outputs: pathOutput,
  async run(ctx, params) {
    const path = ctx.resolvePath(params.path);
    const encoding = params.encoding;
    const text = params.text;
    await fileOp('append to the file', path, async () => {
      const isNew = await stat(path).then(() => false, () => true);
      if (isNew) await mkdir(dirname(path), { recursive: true });
      await appendFile(path, encodeText(text, encoding, isNew));
    });
    return { outputs: { path } };
  },
});
