import { defineBlock, param } from '../define.js';

// Constant results: a branch taken a million times allocates nothing.
const TRUE = { port: 'true' } as const;
const FALSE = { port: 'false' } as const;
const DEFAULT = { port: 'default' } as const;

export const ifBlock = defineBlock({
  type: 'core.if',
  category: 'core',
  title: { en: 'If', ru: 'Если' },
  help: {
    en: 'Takes the "true" port when the condition holds (JavaScript truthiness), else "false".',
    ru: 'Идёт по выходу «true», если условие истинно (по правилам JavaScript), иначе по «false».',
  },
  params: {
    condition: param.expression<unknown>({ title: { en: 'Condition', ru: 'Условие' }, required: true, key: true, placeholder: 'total > 100' }),
  },
  ports: ['true', 'false'],
  run: (_ctx, { condition }) => (condition ? TRUE : FALSE),
});

export const switchBlock = defineBlock({
  type: 'core.switch',
  category: 'core',
  title: { en: 'Switch', ru: 'Выбор' },
  help: {
    en: 'Compares the value, as text, with each case and takes the port "case:<value>" that matches, else "default".',
    ru: 'Сравнивает значение (как текст) с вариантами и идёт по выходу «case:<значение>», иначе по «default».',
  },
  params: {
    value: param.expression<unknown>({ title: { en: 'Value', ru: 'Значение' }, required: true, key: true }),
    cases: param.list<string>({ title: { en: 'Cases', ru: 'Варианты' }, required: true }),
  },
  ports: ['default'],
  dynamicPorts: { param: 'cases', prefix: 'case:' },
  run(_ctx, { value, cases }) {
    const text = String(value);
    for (const c of cases) {
      if (String(c) === text) return { port: `case:${String(c)}` };
    }
    return DEFAULT;
  },
});
