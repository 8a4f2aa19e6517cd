import { BlockError, defineBlock, param } from '../define.js';
import { browserParam, browserStep, describeTarget, findElement, locatorFor, targetParams, timeoutParam } from './lib/locate.js';
import { getSession } from './lib/session.js';

export const waitForElement = defineBlock({
  type: 'web.waitForElement',
  category: 'web',
  title: { en: 'Wait for element', ru: 'Дождаться элемента' },
  help: {
    en: 'Waits until the element appears, becomes visible, is hidden or is removed from the page.',
    ru: 'Ждёт, пока элемент появится, станет видимым, скроется или исчезнет со страницы.',
  },
  params: {
    ...targetParams,
    state: param.choice<'visible' | 'attached' | 'hidden' | 'detached'>({
      title: { en: 'Wait until the element is', ru: 'Ждать, пока элемент' },
      default: 'visible',
      choices: [
        { value: 'visible', title: { en: 'Visible', ru: 'Станет видимым' } },
        { value: 'attached', title: { en: 'In the page (maybe hidden)', ru: 'Появится на странице (пусть и скрытым)' } },
        { value: 'hidden', title: { en: 'Hidden or gone', ru: 'Скроется или исчезнет' } },
        { value: 'detached', title: { en: 'Removed from the page', ru: 'Будет удалён со страницы' } },
      ],
    }),
  },
  async run(ctx, p) {
    const state = p.state;
    if (state === 'visible' || state === 'attached') {
      await findElement(ctx, p, state);
      return;
    }
    const session = getSession(p.browser);
    const locator = locatorFor(session, p.selector, p.by);
    const timeoutMs = p.timeoutMs;
    const description = describeTarget(p.selector, p.by);
    try {
      await browserStep(ctx, description, timeoutMs, () => locator.waitFor({ state, timeout: timeoutMs }));
    } catch (error) {
      if (error instanceof BlockError && error.code === 'TIMEOUT') {
        throw new BlockError(`${description} was still in the page after ${timeoutMs} ms`, 'TIMEOUT');
      }
      throw error;
    }
  },
});

export const waitForText = defineBlock({
  type: 'web.waitForText',
  category: 'web',
  title: { en: 'Wait for text', ru: 'Дождаться текста' },
  help: { en: 'Waits until the text is visible somewhere in the page.', ru: 'Ждёт, пока текст появится где-либо на странице.' },
  params: {
    text: param.text({ title: { en: 'Text', ru: 'Текст' }, required: true, key: true }),
    ...timeoutParam,
    ...browserParam,
  },
  async run(ctx, p) {
    const session = getSession(p.browser);
    const timeoutMs = p.timeoutMs;
    const locator = session.scope.getByText(p.text).first();
    await browserStep(ctx, `text "${p.text}"`, timeoutMs, () => locator.waitFor({ state: 'visible', timeout: timeoutMs }), 'find');
  },
});

export const waitForUrl = defineBlock({
  type: 'web.waitForUrl',
  category: 'web',
  title: { en: 'Wait for URL', ru: 'Дождаться адреса' },
  help: {
    en: 'Waits until the address of the active tab contains the text (for example after a form is sent).',
    ru: 'Ждёт, пока адрес активной вкладки будет содержать указанный текст (например, после отправки формы).',
  },
  params: {
    urlPart: param.text({ title: { en: 'Address contains', ru: 'Адрес содержит' }, required: true, key: true }),
    ...timeoutParam,
    ...browserParam,
  },
  outputs: { url: { type: 'text', title: { en: 'Address', ru: 'Адрес' } } },
  async run(ctx, p) {
    const session = getSession(p.browser);
    const timeoutMs = p.timeoutMs;
    try {
      await browserStep(ctx, `URL containing "${p.urlPart}"`, timeoutMs, () =>
        session.page.waitForURL((url) => url.href.includes(p.urlPart), { timeout: timeoutMs, waitUntil: 'commit' }),
      );
    } catch (error) {
      if (error instanceof BlockError && error.code === 'TIMEOUT') {
        throw new BlockError(`The address did not contain "${p.urlPart}" within ${timeoutMs} ms (it is ${session.page.url()})`, 'TIMEOUT');
      }
      throw error;
    }
    return { outputs: { url: session.page.url() } };
  },
});
