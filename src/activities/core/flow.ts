import { END_PORT, defineBlock, param } from '../define.js';

export const start = defineBlock({
  type: 'core.start',
  category: 'core',
  title: { en: 'Start', ru: 'Начало' },
  help: { en: 'Where the scenario begins. Exactly one per scenario.', ru: 'Точка входа сценария. В каждом сценарии ровно одна.' },
  params: {},
  run: () => undefined,
});

export const end = defineBlock({
  type: 'core.end',
  category: 'core',
  title: { en: 'End', ru: 'Конец' },
  help: {
    en: 'Ends the scenario at once, even inside a loop. In an invoked scenario, returns to the caller.',
    ru: 'Сразу завершает сценарий, даже внутри цикла. Во вложенном сценарии — возврат к вызвавшему.',
  },
  params: {},
  ports: [],
  run: () => ({ port: END_PORT }),
});

export const comment = defineBlock({
  type: 'core.comment',
  category: 'core',
  title: { en: 'Comment', ru: 'Комментарий' },
  help: { en: 'A note on the canvas. Not a step of the flow: it never runs.', ru: 'Заметка на схеме. Не шаг сценария: никогда не выполняется.' },
  params: {
    text: param.multiline({ title: { en: 'Text', ru: 'Текст' }, key: true }),
  },
  annotation: true,
  // Its `next` port stays for older files that linked a comment into the flow: there it passes
  // straight through, as it always did. The Designer gives new comments no ports.
  run: () => undefined,
});

export const group = defineBlock({
  type: 'core.group',
  category: 'core',
  title: { en: 'Group', ru: 'Группа' },
  help: {
    en: 'A titled frame on the canvas around related blocks. Not a step of the flow: it never runs. Drag its corner to resize it.',
    ru: 'Подписанная рамка на схеме вокруг связанных блоков. Не шаг сценария: никогда не выполняется. Размер меняется за угол.',
  },
  params: {
    width: param.number({ title: { en: 'Width', ru: 'Ширина' }, default: 480, advanced: true }),
    height: param.number({ title: { en: 'Height', ru: 'Высота' }, default: 320, advanced: true }),
  },
  ports: [],
  annotation: true,
  run: () => undefined,
});
