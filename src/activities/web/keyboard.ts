import { BlockError, defineBlock, param } from '../define.js';
import { browserParam, browserStep, onElement, targetParams } from './lib/locate.js';
import { getSession } from './lib/session.js';

export const fill = defineBlock({
  type: 'web.fill',
  category: 'web',
  title: { en: 'Fill field', ru: 'Заполнить поле' },
  help: {
    en: 'Replaces the content of an input, text area or editable element with the value.',
    ru: 'Заменяет содержимое поля ввода, многострочного поля или редактируемого элемента указанным значением.',
  },
  params: {
    ...targetParams,
    value: param.text({ title: { en: 'Value', ru: 'Значение' } }),
  },
  async run(ctx, p) {
    // The engine's parameter check has made it text (or left it out).
    const value = p.value ?? '';
    await onElement(ctx, p, (locator, timeout) => locator.fill(value, { timeout }));
  },
});

export const typeText = defineBlock({
  type: 'web.type',
  category: 'web',
  title: { en: 'Type text', ru: 'Ввести текст с клавиатуры' },
  help: {
    en: 'Types the text key by key, as a person would (for fields that react to every key press).',
    ru: 'Набирает текст по одной клавише, как человек (для полей, которые реагируют на каждое нажатие).',
  },
  params: {
    ...targetParams,
    text: param.text({ title: { en: 'Text', ru: 'Текст' } }),
    delayMs: param.number({ title: { en: 'Delay between keys, ms', ru: 'Пауза между нажатиями, мс' }, default: 50 }),
    clear: param.boolean({ title: { en: 'Clear the field first', ru: 'Сначала очистить поле' }, default: false }),
  },
  async run(ctx, p) {
    const text = p.text ?? '';
    const delay = Math.max(0, p.delayMs);
    await onElement(ctx, p, async (locator, timeout) => {
      if (p.clear) await locator.fill('', { timeout });
      // Typing takes delay × length: the timeout covers finding, not typing itself.
      await locator.pressSequentially(text, { delay, timeout: timeout + delay * text.length });
    });
  },
});

export const pressKey = defineBlock({
  type: 'web.pressKey',
  category: 'web',
  title: { en: 'Press key', ru: 'Нажать клавишу' },
  help: {
    en: 'Presses a key or a combination (Enter, Tab, Escape, Control+A, ArrowDown) in the element, or in the page when no element is given.',
    ru: 'Нажимает клавишу или сочетание (Enter, Tab, Escape, Control+A, ArrowDown) в элементе или, если элемент не указан, на странице.',
  },
  params: {
    key: param.text({ title: { en: 'Key', ru: 'Клавиша' }, required: true, key: true, placeholder: 'Enter' }),
    selector: { ...targetParams.selector, required: false, key: false },
    by: targetParams.by,
    timeoutMs: targetParams.timeoutMs,
    ...browserParam,
  },
  async run(ctx, p) {
    const key = p.key.trim();
    if (!key) throw new BlockError('Parameter "key" is empty (for example Enter or Control+A)', 'BAD_INPUT');
    const description = `key "${key}"`;
    if (!p.selector) {
      const session = getSession(p.browser);
      await browserStep(ctx, description, p.timeoutMs, () => session.page.keyboard.press(key));
      return;
    }
    await onElement(ctx, { ...p, selector: p.selector }, (locator, timeout) => locator.press(key, { timeout }));
  },
});
