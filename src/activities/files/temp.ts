import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT } from '../kit/checks.js';

export const filesTempFolder = defineBlock({
  type: 'files.tempFolder',
  category: 'files',
  title: { en: 'Temporary folder', ru: 'Временная папка' },
  help: {
    en: 'Creates an empty folder for intermediate files. It is deleted with everything inside when the run ends, is stopped or fails.',
    ru: 'Создаёт пустую папку для промежуточных файлов. Она удаляется вместе с содержимым, когда запуск завершается, останавливается или падает с ошибкой.',
  },
  params: { prefix: param.text({ title: { en: 'Name prefix', ru: 'Начало имени' }, default: 'cairn-', advanced: true }) },
  outputs: { path: { type: 'text', title: { en: 'Folder', ru: 'Папка' } } },
  async run(ctx, params) {
    const prefix = params.prefix;
    if (/[\\/]/.test(prefix)) throw new BlockError(`Parameter "prefix" must be a name, not a path: "${prefix}"`, BAD_INPUT);
    const path = await mkdtemp(join(tmpdir(), prefix));
    ctx.use({ dispose: () => rm(path, { recursive: true, force: true }) });
    return { outputs: { path } };
  },
});
