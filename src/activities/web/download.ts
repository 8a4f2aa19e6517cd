import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BlockError, defineBlock, param } from '../define.js';
import { browserParam, browserStep, onElement, targetParams } from './lib/locate.js';
import { getSession } from './lib/session.js';

export const download = defineBlock({
  type: 'web.download',
  category: 'web',
  title: { en: 'Download from page', ru: 'Скачать со страницы' },
  help: {
    en: 'Clicks the element (a link or button) and saves the file the page downloads. Without an element, waits for a download started by an earlier block.',
    ru: 'Щёлкает по элементу (ссылке или кнопке) и сохраняет файл, который скачивает страница. Без элемента ждёт загрузку, начатую предыдущим блоком.',
  },
  params: {
    selector: { ...targetParams.selector, required: false },
    by: targetParams.by,
    path: param.filePath({
      title: { en: 'Save to', ru: 'Куда сохранить' },
      help: { en: 'A file path, or a folder to keep the name the site suggests.', ru: 'Путь к файлу или папка — тогда имя файла предложит сайт.' },
      required: true,
      save: true,
    }),
    timeoutMs: param.number({ title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' }, default: 30_000, advanced: true }),
    ...browserParam,
  },
  outputs: {
    path: { type: 'text', title: { en: 'Saved file', ru: 'Сохранённый файл' } },
    fileName: { type: 'text', title: { en: 'Name suggested by the site', ru: 'Имя, предложенное сайтом' } },
  },
  async run(ctx, p) {
    // "path" is required: the engine's parameter check already refused an empty one.
    const timeoutMs = p.timeoutMs;
    const session = getSession(p.browser);
    const waiting = session.page.waitForEvent('download', { timeout: timeoutMs });
    waiting.catch(() => undefined); // awaited below; a failed click must not leave it unhandled
    if (p.selector) {
      await onElement(ctx, { ...p, selector: p.selector }, (locator, timeout) => locator.click({ timeout }));
    }
    let file;
    try {
      file = await browserStep(ctx, 'Download', timeoutMs, () => waiting);
    } catch (error) {
      if (error instanceof BlockError && error.code === 'TIMEOUT') {
        throw new BlockError(`No download started within ${timeoutMs} ms`, 'TIMEOUT');
      }
      throw error;
    }
    const target = ctx.resolvePath(p.path);
    const isFolder = (await stat(target).catch(() => undefined))?.isDirectory() ?? false;
    const savePath = isFolder ? join(target, file.suggestedFilename()) : target;
    await mkdir(dirname(savePath), { recursive: true });
    await browserStep(ctx, 'Download', timeoutMs, () => file.saveAs(savePath));
    const failure = await file.failure();
    if (failure) throw new BlockError(`The download of ${file.url()} failed: ${failure}`, 'DOWNLOAD_FAILED');
    ctx.log('info', `Downloaded ${file.suggestedFilename()} → ${savePath}`);
    return { outputs: { path: savePath, fileName: file.suggestedFilename() } };
  },
});
