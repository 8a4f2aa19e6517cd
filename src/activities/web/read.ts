import { BlockError, defineBlock, param } from '../define.js';
import { browserParam, browserStep, findElement, locatorFor, onElement, targetParams } from './lib/locate.js';
import { getSession } from './lib/session.js';

export const getText = defineBlock({
  type: 'web.getText',
  category: 'web',
  title: { en: 'Get text', ru: 'Получить текст' },
  help: { en: 'Reads the visible text of the element.', ru: 'Считывает видимый текст элемента.' },
  params: { ...targetParams },
  outputs: { text: { type: 'text', title: { en: 'Text', ru: 'Текст' } } },
  async run(ctx, p) {
    const text = await onElement(ctx, p, (locator, timeout) => locator.innerText({ timeout }));
    return { outputs: { text: text.trim() } };
  },
});

export const getAttribute = defineBlock({
  type: 'web.getAttribute',
  category: 'web',
  title: { en: 'Get attribute', ru: 'Получить атрибут' },
  help: {
    en: 'Reads an attribute of the element (href, src, title, data-…). Empty text when the attribute is absent.',
    ru: 'Считывает атрибут элемента (href, src, title, data-…). Если атрибута нет — пустой текст.',
  },
  params: {
    ...targetParams,
    name: param.text({ title: { en: 'Attribute', ru: 'Атрибут' }, required: true, placeholder: 'href' }),
  },
  outputs: { value: { type: 'text', title: { en: 'Value', ru: 'Значение' } } },
  async run(ctx, p) {
    const value = await onElement(ctx, p, (locator, timeout) => locator.getAttribute(p.name, { timeout }));
    return { outputs: { value: value ?? '' } };
  },
});

export const getValue = defineBlock({
  type: 'web.getValue',
  category: 'web',
  title: { en: 'Get field value', ru: 'Получить значение поля' },
  help: { en: 'Reads what is in an input, text area or drop-down list.', ru: 'Считывает содержимое поля ввода, многострочного поля или выпадающего списка.' },
  params: { ...targetParams },
  outputs: { value: { type: 'text', title: { en: 'Value', ru: 'Значение' } } },
  async run(ctx, p) {
    const value = await onElement(ctx, p, (locator, timeout) => locator.inputValue({ timeout }));
    return { outputs: { value } };
  },
});

export const elementExists = defineBlock({
  type: 'web.elementExists',
  category: 'web',
  title: { en: 'Element exists', ru: 'Элемент существует' },
  help: {
    en: 'Answers yes or no without failing: is the element in the page (waiting up to the timeout for it to appear)?',
    ru: 'Отвечает «да» или «нет», не вызывая ошибки: есть ли элемент на странице (ждёт его появления не дольше тайм-аута)?',
  },
  params: {
    ...targetParams,
    timeoutMs: param.number({
      title: { en: 'Wait up to, ms', ru: 'Ждать не дольше, мс' },
      help: { en: '0 checks right now.', ru: '0 — проверить сразу.' },
      default: 0,
    }),
    ...browserParam,
  },
  outputs: { exists: { type: 'boolean', title: { en: 'Exists', ru: 'Существует' } } },
  async run(ctx, p) {
    const session = getSession(p.browser);
    const locator = locatorFor(session, p.selector, p.by);
    const timeoutMs = Math.max(0, p.timeoutMs);
    if (timeoutMs === 0) {
      return { outputs: { exists: (await browserStep(ctx, p.selector, 1000, () => locator.count())) > 0 } };
    }
    try {
      await findElement(ctx, { ...p, timeoutMs });
      return { outputs: { exists: true } };
    } catch (error) {
      if (error instanceof BlockError && error.code === 'SELECTOR_NOT_FOUND') return { outputs: { exists: false } };
      throw error;
    }
  },
});
