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
  help: { en: 'A note on the canvas. Does nothing when run.', ru: 'Заметка на схеме. При выполнении ничего не делает.' },
  params: {
    text: param.multiline({ title: { en: 'Text', ru: 'Текст' }, key: true }),
  },
  run: () => undefined,
});
