import type { Page } from 'playwright-core';
import { BlockError, defineBlock, param, type BlockContext } from '../define.js';
import { browserParam, browserStep, describeTarget, onElement, targetParams, timeoutParam } from './lib/locate.js';
import { getSession, type WebSession } from './lib/session.js';
import { parseWebUrl } from './lib/url.js';

/** Polls the open tabs until one fits (tabs open asynchronously after a click). */
async function waitForTab(ctx: BlockContext, session: WebSession, timeoutMs: number, pick: (pages: Page[]) => Page | undefined): Promise<Page | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = pick(session.context.pages());
    if (page || Date.now() >= deadline) return page;
    await ctx.sleep(50);
  }
}

export const switchTab = defineBlock({
  type: 'web.switchTab',
  category: 'web',
  title: { en: 'Switch tab', ru: 'Переключить вкладку' },
  help: {
    en: 'Makes another tab the active one: a new tab, the tab opened last (e.g. by a link), a tab by number or by a part of its address.',
    ru: 'Делает активной другую вкладку: новую, открытую последней (например, ссылкой), вкладку по номеру или по части адреса.',
  },
  params: {
    mode: param.choice<'last' | 'new' | 'index' | 'url'>({
      title: { en: 'Which tab', ru: 'Какая вкладка' },
      default: 'last',
      key: true,
      choices: [
        { value: 'last', title: { en: 'Opened last', ru: 'Открытая последней' } },
        { value: 'new', title: { en: 'Open a new tab', ru: 'Открыть новую вкладку' } },
        { value: 'index', title: { en: 'By number', ru: 'По номеру' } },
        { value: 'url', title: { en: 'By address part', ru: 'По части адреса' } },
      ],
    }),
    index: param.number({ title: { en: 'Tab number (1 = first)', ru: 'Номер вкладки (1 — первая)' }, default: 1 }),
    url: param.text({
      title: { en: 'Address part / URL', ru: 'Часть адреса / URL' },
      help: { en: 'By address part: text the address contains. New tab: the page to open.', ru: 'По части адреса — текст, который содержит адрес. Новая вкладка — страница, которую открыть.' },
    }),
    ...timeoutParam,
    ...browserParam,
  },
  outputs: { url: { type: 'text', title: { en: 'Tab address', ru: 'Адрес вкладки' } } },
  async run(ctx, p) {
    const session = getSession(p.browser);
    const timeoutMs = p.timeoutMs;
    let page: Page | undefined;
    switch (p.mode) {
      case 'new': {
        const url = p.url ? parseWebUrl(p.url) : undefined;
        page = await browserStep(ctx, 'New tab', timeoutMs, () => session.context.newPage());
        const opened = page;
        if (url) await browserStep(ctx, `Opening ${url}`, timeoutMs, () => opened.goto(url, { timeout: timeoutMs }));
        break;
      }
      case 'last':
        page = await waitForTab(ctx, session, timeoutMs, (pages) => (pages.length > 1 || pages[0] !== session.page ? pages.at(-1) : undefined));
        if (!page) throw new BlockError(`No other tab opened within ${timeoutMs} ms`, 'TAB_NOT_FOUND');
        break;
      case 'index': {
        const index = Math.floor(Number(p.index));
        if (!Number.isFinite(index) || index < 1) throw new BlockError(`Tab number must be 1 or more, got ${p.index}`, 'BAD_INPUT');
        page = await waitForTab(ctx, session, timeoutMs, (pages) => pages[index - 1]);
        if (!page) throw new BlockError(`There is no tab number ${index} (${session.context.pages().length} open)`, 'TAB_NOT_FOUND');
        break;
      }
      case 'url': {
        const part = p.url;
        if (!part) throw new BlockError('Parameter "url" (a part of the address) is empty', 'BAD_INPUT');
        page = await waitForTab(ctx, session, timeoutMs, (pages) => pages.find((pg) => pg.url().includes(part)));
        if (!page) {
          const open = session.context.pages().map((pg) => pg.url()).join(', ');
          throw new BlockError(`No tab's address contains "${part}" after ${timeoutMs} ms (open: ${open})`, 'TAB_NOT_FOUND');
        }
        break;
      }
    }
    session.setPage(page);
    await page.bringToFront().catch(() => undefined);
    return { outputs: { url: page.url() } };
  },
});

export const switchFrame = defineBlock({
  type: 'web.switchFrame',
  category: 'web',
  title: { en: 'Switch frame', ru: 'Перейти во фрейм' },
  help: {
    en: 'Makes the next blocks act inside a frame (<iframe>). Leave the element empty to return to the page.',
    ru: 'Следующие блоки будут работать внутри фрейма (<iframe>). Оставьте элемент пустым, чтобы вернуться к странице.',
  },
  params: { ...targetParams, selector: { ...targetParams.selector, required: false } },
  async run(ctx, p) {
    const session = getSession(p.browser);
    if (!p.selector) {
      session.frame = undefined;
      return;
    }
    const frame = await onElement(ctx, { ...p, selector: p.selector }, async (locator, timeout) => {
      const element = await locator.elementHandle({ timeout });
      return element?.contentFrame();
    });
    if (!frame) throw new BlockError(`${describeTarget(p.selector, p.by)} is not a frame (<iframe> or <frame>)`, 'BAD_INPUT');
    session.frame = frame;
  },
});
