import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BlockError, defineBlock, param } from '../define.js';
import { browserParam, browserStep, onElement, targetParams } from './lib/locate.js';
import { getSession } from './lib/session.js';

export const screenshot = defineBlock({
  type: 'web.screenshot',
  category: 'web',
  title: { en: 'Screenshot', ru: 'Снимок экрана' },
  help: {
    en: 'Takes a PNG picture of the page or of one element, saves it to a file and/or returns it as base64 text.',
    ru: 'Делает снимок страницы или одного элемента в формате PNG, сохраняет в файл и/или возвращает как текст base64.',
  },
  params: {
    path: param.filePath({ title: { en: 'Save to', ru: 'Куда сохранить' }, filters: ['png'], save: true, key: true }),
    selector: { ...targetParams.selector, required: false, key: false, help: { en: 'Empty: the whole page.', ru: 'Если пусто — вся страница.' } },
    by: targetParams.by,
    fullPage: param.boolean({
      title: { en: 'Whole page, not just the window', ru: 'Всю страницу, а не только окно' },
      default: false,
    }),
    base64: param.boolean({ title: { en: 'Return as base64', ru: 'Вернуть как base64' }, default: false }),
    timeoutMs: targetParams.timeoutMs,
    ...browserParam,
  },
  outputs: {
    path: { type: 'text', title: { en: 'Saved file', ru: 'Сохранённый файл' } },
    base64: { type: 'text', title: { en: 'PNG as base64', ru: 'PNG в base64' } },
  },
  async run(ctx, p) {
    if (!p.path && !p.base64) throw new BlockError('Nothing to do: give "path" to save to, or turn on "Return as base64"', 'BAD_INPUT');
    const path = p.path ? ctx.resolvePath(p.path) : undefined;
    if (path) await mkdir(dirname(path), { recursive: true });
    const timeoutMs = p.timeoutMs;
    let png: Buffer;
    if (p.selector) {
      png = await onElement(ctx, { ...p, selector: p.selector }, (locator, timeout) => locator.screenshot({ path, timeout }));
    } else {
      const session = getSession(p.browser);
      png = await browserStep(ctx, 'Screenshot', timeoutMs, () => session.page.screenshot({ path, fullPage: p.fullPage, timeout: timeoutMs }));
    }
    if (path) ctx.log('info', `Screenshot saved: ${path}`);
    return { outputs: { path: path ?? '', base64: p.base64 ? png.toString('base64') : '' } };
  },
});
