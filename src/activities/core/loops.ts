import { BlockError, defineBlock, param, type BlockContext, type LoopState } from '../define.js';
import { isTable } from '../../scenario/values.js';

/**
 * Loop blocks: the engine runs the path behind `body` and comes back here when it ends; each
 * call decides between another iteration (`body`) and leaving (`done`).
 */

const BODY = { port: 'body' } as const;
const DONE = { port: 'done' } as const;

function loopState(ctx: BlockContext): LoopState {
  if (ctx.loop === undefined) throw new BlockError(`${ctx.blockType} can only run inside the Cairn engine (no loop state)`);
  return ctx.loop;
}

export const whileBlock = defineBlock({
  type: 'core.while',
  category: 'core',
  title: { en: 'While', ru: 'Пока' },
  help: {
    en: 'Runs the "body" path again and again while the condition holds, then goes on through "done".',
    ru: 'Повторяет ветку «body», пока условие истинно, затем идёт по выходу «done».',
  },
  params: {
    condition: param.expression<unknown>({ title: { en: 'Condition', ru: 'Условие' }, required: true, key: true }),
  },
  ports: ['body', 'done'],
  loop: true,
  run: (_ctx, { condition }) => (condition ? BODY : DONE),
});

export const repeat = defineBlock({
  type: 'core.repeat',
  category: 'core',
  title: { en: 'Repeat', ru: 'Повторить' },
  help: { en: 'Runs the "body" path the given number of times; index counts from 0.', ru: 'Выполняет ветку «body» заданное число раз; индекс считается с 0.' },
  params: {
    count: param.number({ title: { en: 'Times', ru: 'Сколько раз' }, required: true, key: true }),
  },
  ports: ['body', 'done'],
  outputs: { index: { type: 'number', title: { en: 'Index', ru: 'Индекс' } } },
  loop: true,
  run(ctx, { count }) {
    const index = loopState(ctx).iteration;
    return index < count ? { port: 'body', outputs: { index } } : DONE;
  },
});

/** What forEach walks: list items, table rows, or dictionary entries as { key, value }. */
function entriesOf(items: unknown): unknown[] {
  if (items === undefined || items === null) return [];
  if (Array.isArray(items)) return [...(items as unknown[])];
  if (isTable(items)) return [...items.rows];
  if (items instanceof Map) return [...(items as Map<unknown, unknown>)].map(([key, value]) => ({ key, value }));
  if (typeof items === 'object' && !(items instanceof Date)) {
    return Object.entries(items as Record<string, unknown>).map(([key, value]) => ({ key, value }));
  }
  throw new BlockError(
    `For each needs a list, a table or a dictionary, got ${typeof items} / Для перебора нужен список, таблица или словарь`,
    'NOT_ITERABLE',
  );
}

export const forEach = defineBlock({
  type: 'core.forEach',
  category: 'core',
  title: { en: 'For each', ru: 'Для каждого' },
  help: {
    en: 'Runs the "body" path once per item: list items, table rows, or dictionary entries ({ key, value }). The items are taken when the loop starts.',
    ru: 'Выполняет ветку «body» для каждого элемента: элементы списка, строки таблицы или пары словаря ({ key, value }). Набор элементов фиксируется при входе в цикл.',
  },
  params: {
    items: param.expression<unknown>({ title: { en: 'Items', ru: 'Элементы' }, required: true, key: true }),
  },
  ports: ['body', 'done'],
  outputs: {
    item: { type: 'any', title: { en: 'Item', ru: 'Элемент' } },
    index: { type: 'number', title: { en: 'Index', ru: 'Индекс' } },
  },
  loop: true,
  run(ctx, { items }) {
    const loop = loopState(ctx);
    if (loop.iteration === 0) loop.state = entriesOf(items);
    const entries = loop.state as unknown[];
    const index = loop.iteration;
    return index < entries.length ? { port: BODY.port, outputs: { item: entries[index], index } } : DONE;
  },
});
