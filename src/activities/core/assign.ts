import { BlockError, defineBlock, param } from '../define.js';

type Assignment = { variable?: unknown; value?: unknown };

export const assign = defineBlock({
  type: 'core.assign',
  category: 'core',
  title: { en: 'Assign', ru: 'Присвоить' },
  help: {
    en: 'Sets one or more variables. Each entry is { variable, value }; the value may be an expression. All values are computed first, then assigned, so a = b, b = a swaps them.',
    ru: 'Задаёт значения одной или нескольких переменных. Каждый элемент — { variable, value }, значение может быть выражением. Сначала вычисляются все значения, затем присваиваются, поэтому a = b, b = a меняет их местами.',
  },
  params: {
    assignments: param.list<Assignment>({
      title: { en: 'Assignments', ru: 'Присваивания' },
      help: { en: 'Variable and the value to give it.', ru: 'Переменная и значение для неё.' },
      required: true,
      key: true,
    }),
  },
  run(ctx, { assignments }) {
    for (const entry of assignments) {
      if (typeof entry?.variable !== 'string' || entry.variable === '') {
        throw new BlockError('Each assignment needs a variable name / Для каждого присваивания нужно имя переменной', 'BAD_ASSIGNMENT');
      }
      ctx.vars.set(entry.variable, entry.value);
    }
  },
});
