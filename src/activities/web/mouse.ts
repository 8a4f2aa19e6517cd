import { defineBlock, param } from '../define.js';
import { onElement, targetParams } from './lib/locate.js';

export const click = defineBlock({
  type: 'web.click',
  category: 'web',
  title: { en: 'Click', ru: 'Щёлкнуть' },
  help: {
    en: 'Waits for the element and clicks it (scrolling it into view first).',
    ru: 'Дожидается элемента и щёлкает по нему (сначала прокручивает страницу к нему).',
  },
  params: {
    ...targetParams,
    button: param.choice<'left' | 'right' | 'middle'>({
      title: { en: 'Mouse button', ru: 'Кнопка мыши' },
      default: 'left',
      choices: [
        { value: 'left', title: { en: 'Left', ru: 'Левая' } },
        { value: 'right', title: { en: 'Right', ru: 'Правая' } },
        { value: 'middle', title: { en: 'Middle', ru: 'Средняя' } },
      ],
      advanced: true,
    }),
    double: param.boolean({ title: { en: 'Double click', ru: 'Двойной щелчок' }, default: false, advanced: true }),
  },
  async run(ctx, p) {
    const button = p.button;
    await onElement(ctx, p, (locator, timeout) => (p.double ? locator.dblclick({ button, timeout }) : locator.click({ button, timeout })));
  },
});

export const hover = defineBlock({
  type: 'web.hover',
  category: 'web',
  title: { en: 'Hover', ru: 'Навести указатель' },
  help: { en: 'Moves the mouse over the element (opens hover menus).', ru: 'Наводит указатель мыши на элемент (раскрывает всплывающие меню).' },
  params: { ...targetParams },
  async run(ctx, p) {
    await onElement(ctx, p, (locator, timeout) => locator.hover({ timeout }));
  },
});
