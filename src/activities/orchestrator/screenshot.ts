import { readFile } from 'node:fs/promises';
import { BlockError, defineBlock, param } from '../define.js';
import { getSession } from '../web/lib/session.js';
import { callOrchestrator } from './lib/host.js';
import { captureScreen, isPng } from './lib/screen.js';

type Source = 'auto' | 'screen' | 'browser' | 'file';

/** The page of the open browser, or null when the run has none (only for `auto`). */
async function pageShot(browser: unknown, required: boolean): Promise<Buffer | null> {
  let session;
  try {
    session = getSession(browser);
  } catch (error) {
    if (!required && error instanceof BlockError && error.code === 'NO_BROWSER') return null;
    throw error;
  }
  return session.page.screenshot({ type: 'png', timeout: 30_000 });
}

export const screenshot = defineBlock({
  type: 'orchestrator.screenshot',
  category: 'orchestrator',
  title: { en: 'Send screenshot', ru: 'Отправить снимок экрана' },
  help: {
    en: 'Sends a PNG picture to the Orchestrator, attached to the current job. "Automatic" takes the open web page when the run has a browser, else the whole screen (needs a display and a screenshot tool); you can also pick a PNG file.',
    ru: 'Отправляет PNG-снимок в Оркестратор, привязывая его к текущему заданию. «Автоматически» — снимок открытой веб-страницы, если в запуске открыт браузер, иначе всего экрана (нужны экран и программа для снимков); можно также выбрать готовый PNG-файл.',
  },
  params: {
    source: param.choice<Source>({
      title: { en: 'What to capture', ru: 'Что снять' },
      default: 'auto',
      key: true,
      choices: [
        { value: 'auto', title: { en: 'Automatic: web page, else screen', ru: 'Автоматически: страница, иначе экран' } },
        { value: 'screen', title: { en: 'Whole screen', ru: 'Весь экран' } },
        { value: 'browser', title: { en: 'Open web page', ru: 'Открытая веб-страница' } },
        { value: 'file', title: { en: 'PNG file', ru: 'PNG-файл' } },
      ],
    }),
    note: param.text({ title: { en: 'Note', ru: 'Примечание' } }),
    browser: param.expression({
      title: { en: 'Browser', ru: 'Браузер' },
      help: { en: 'The result of "Open browser". Empty: the browser opened last.', ru: 'Результат «Открыть браузер». Пусто — последний открытый браузер.' },
      advanced: true,
    }),
    path: param.filePath({ title: { en: 'PNG file', ru: 'PNG-файл' }, filters: ['png'], advanced: true }),
  },
  outputs: { bytes: { type: 'number', title: { en: 'Size, bytes', ru: 'Размер, байт' } } },
  async run(ctx, p) {
    const source = p.source ?? 'auto';
    let png: Buffer | null;
    switch (source) {
      case 'file': {
        if (!p.path) throw new BlockError('Parameter "path" (the PNG file to send) is empty', 'BAD_INPUT');
        const path = ctx.resolvePath(p.path);
        png = await readFile(path).catch(() => {
          throw new BlockError(`Screenshot file "${path}" cannot be read`, 'NOT_FOUND');
        });
        if (!isPng(png)) throw new BlockError(`Screenshot file "${path}" is not a PNG picture`, 'BAD_INPUT');
        break;
      }
      case 'browser':
        png = await pageShot(p.browser, true);
        break;
      case 'screen':
        png = await captureScreen(ctx);
        break;
      case 'auto':
        png = (await pageShot(p.browser, false)) ?? (await captureScreen(ctx));
        break;
      default:
        throw new BlockError(`Parameter "source" "${String(source)}" is not auto, screen, browser or file`, 'BAD_INPUT');
    }
    if (!png) throw new BlockError('Nothing was captured', 'NO_SCREEN');
    await callOrchestrator(ctx, 'orchestrator.screenshot', { pngBase64: png.toString('base64'), note: p.note || undefined }, 'Sending a screenshot to the Orchestrator');
    return { outputs: { bytes: png.length } };
  },
});
