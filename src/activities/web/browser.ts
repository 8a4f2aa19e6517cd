import { defineBlock, param } from '../define.js';
import { launchSession, getSession } from './lib/session.js';
import { browserParam, browserStep } from './lib/locate.js';
import { parseWebUrl } from './lib/url.js';

export const openBrowser = defineBlock({
  type: 'web.openBrowser',
  category: 'web',
  title: { en: 'Open browser', ru: 'Открыть браузер' },
  help: {
    en: 'Starts Chromium (or Chrome / Edge) and optionally opens a page. The browser closes by itself when the scenario ends or is stopped.',
    ru: 'Запускает Chromium (или Chrome / Edge) и при необходимости открывает страницу. Браузер закроется сам, когда сценарий завершится или будет остановлен.',
  },
  params: {
    url: param.text({ title: { en: 'Start page', ru: 'Начальная страница' }, key: true, placeholder: 'https://…' }),
    headless: param.boolean({
      title: { en: 'Hidden (headless)', ru: 'Скрытый режим (без окна)' },
      help: { en: 'Run without a window. Turn off to watch the robot work.', ru: 'Работать без окна. Выключите, чтобы видеть, что делает робот.' },
      default: true,
    }),
    executablePath: param.filePath({
      title: { en: 'Browser executable', ru: 'Исполняемый файл браузера' },
      help: {
        en: 'Empty: find Chromium, Chrome or Edge automatically (or use CAIRN_BROWSER).',
        ru: 'Если пусто — Chromium, Chrome или Edge ищется автоматически (или берётся из CAIRN_BROWSER).',
      },
      advanced: true,
    }),
    timeoutMs: param.number({ title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' }, default: 30_000, advanced: true }),
  },
  outputs: { browser: { type: 'any', title: { en: 'Browser', ru: 'Браузер' } } },
  async run(ctx, p) {
    const startUrl = p.url ? parseWebUrl(p.url) : undefined;
    const timeoutMs = p.timeoutMs;
    const session = await launchSession(ctx, { headless: p.headless, executablePath: p.executablePath, timeoutMs });
    ctx.log('info', `Browser started: ${session.executable}${p.headless ? ' (headless)' : ''}`);
    if (startUrl) {
      await browserStep(ctx, `Opening ${startUrl}`, timeoutMs, () => session.page.goto(startUrl, { timeout: timeoutMs }));
    }
    return { outputs: { browser: session.handle } };
  },
});

export const closeBrowser = defineBlock({
  type: 'web.closeBrowser',
  category: 'web',
  title: { en: 'Close browser', ru: 'Закрыть браузер' },
  help: { en: 'Closes the browser and all its tabs.', ru: 'Закрывает браузер со всеми вкладками.' },
  params: { ...browserParam },
  async run(_ctx, p) {
    await getSession(p.browser).dispose();
  },
});

export const goTo = defineBlock({
  type: 'web.goTo',
  category: 'web',
  title: { en: 'Go to URL', ru: 'Перейти по адресу' },
  help: { en: 'Opens a URL in the active tab and waits for the page to load.', ru: 'Открывает адрес в активной вкладке и ждёт загрузки страницы.' },
  params: {
    url: param.text({ title: { en: 'URL', ru: 'Адрес (URL)' }, required: true, key: true }),
    waitUntil: param.choice<'load' | 'domcontentloaded' | 'networkidle'>({
      title: { en: 'Wait until', ru: 'Ждать, пока' },
      default: 'load',
      choices: [
        { value: 'load', title: { en: 'Page loaded', ru: 'Страница загрузится' } },
        { value: 'domcontentloaded', title: { en: 'Document ready', ru: 'Документ готов' } },
        { value: 'networkidle', title: { en: 'Network quiet', ru: 'Сеть затихнет' } },
      ],
      advanced: true,
    }),
    timeoutMs: param.number({ title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' }, default: 30_000, advanced: true }),
    ...browserParam,
  },
  outputs: { status: { type: 'number', title: { en: 'HTTP status', ru: 'HTTP-код ответа' } } },
  async run(ctx, p) {
    const url = parseWebUrl(p.url);
    const session = getSession(p.browser);
    const timeoutMs = p.timeoutMs;
    const response = await browserStep(ctx, `Opening ${url}`, timeoutMs, () => session.page.goto(url, { timeout: timeoutMs, waitUntil: p.waitUntil }));
    session.frame = undefined;
    return { outputs: { status: response?.status() ?? 0 } };
  },
});
