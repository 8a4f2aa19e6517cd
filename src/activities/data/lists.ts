import { BlockError, defineBlock, param } from '../define.js';
import { asList, BAD_INPUT, wholeNumber } from '../kit/checks.js';
import { compareAsParam, compareValues, sameValue, valueKey } from '../kit/compare.js';

/*
 * List blocks never change the list they are given: they output a new one, which the block's
 * output mapping stores (usually back into the same variable).
 */

const listParam = param.expression<unknown[]>({ title: { en: 'List', ru: 'Список' }, required: true, key: true });
const itemParam = param.expression({ title: { en: 'Item', ru: 'Элемент' } });
const listOutput = { list: { type: 'list' as const, title: { en: 'List', ru: 'Список' } } };

/** A list position; negative counts from the end (-1 is the last item). */
function position(list: unknown[], index: number | undefined): number {
  // Optional for "remove by value", so the engine lets it be empty; by position it is needed.
  if (index === undefined || index === null) throw new BlockError('Parameter "index" is needed to remove by position', BAD_INPUT);
  const i = wholeNumber('index', index);
  const at = i < 0 ? list.length + i : i;
  if (at < 0 || at >= list.length) {
    throw new BlockError(`Index ${i} is outside the list of ${list.length} item(s)`, 'OUT_OF_RANGE');
  }
  return at;
}

export const dataListAppend = defineBlock({
  type: 'data.listAppend',
  category: 'data',
  title: { en: 'Add to list', ru: 'Добавить в список' },
  help: { en: 'Adds an item to the end of a list (an empty list if none is given).', ru: 'Добавляет элемент в конец списка (в пустой список, если список не задан).' },
  params: { list: { ...listParam, required: false }, item: itemParam },
  outputs: listOutput,
  run(_ctx, params) {
    const list = params.list === undefined || params.list === null ? [] : asList('list', params.list);
    return { outputs: { list: [...list, params.item] } };
  },
});

export const dataListRemove = defineBlock({
  type: 'data.listRemove',
  category: 'data',
  title: { en: 'Remove from list', ru: 'Удалить из списка' },
  help: { en: 'Removes every item equal to the value, or the item at a position (0 is the first, -1 the last).', ru: 'Удаляет все элементы, равные значению, или элемент в позиции (0 — первый, -1 — последний).' },
  params: {
    list: listParam,
    by: param.choice({
      title: { en: 'Remove', ru: 'Что удалить' },
      default: 'value',
      choices: [
        { value: 'value', title: { en: 'Items equal to a value', ru: 'Элементы, равные значению' } },
        { value: 'index', title: { en: 'Item at a position', ru: 'Элемент в позиции' } },
      ],
    }),
    item: itemParam,
    index: param.number({ title: { en: 'Position', ru: 'Позиция' } }),
  },
  outputs: listOutput,
  run(_ctx, params) {
    const list = asList('list', params.list);
    if (params.by === 'index') {
      const at = position(list, params.index);
      return { outputs: { list: list.filter((_v, i) => i !== at) } };
    }
    return { outputs: { list: list.filter((v) => !sameValue(v, params.item)) } };
  },
});

export const dataListGet = defineBlock({
  type: 'data.listGet',
  category: 'data',
  title: { en: 'Get list item', ru: 'Элемент списка' },
  help: { en: 'Gives the item at a position: 0 is the first, -1 the last.', ru: 'Возвращает элемент в позиции: 0 — первый, -1 — последний.' },
  params: { list: listParam, index: param.number({ title: { en: 'Position', ru: 'Позиция' }, default: 0 }) },
  outputs: { item: { type: 'any', title: { en: 'Item', ru: 'Элемент' } } },
  run(_ctx, params) {
    const list = asList('list', params.list);
    return { outputs: { item: list[position(list, params.index)] } };
  },
});

export const dataListLength = defineBlock({
  type: 'data.listLength',
  category: 'data',
  title: { en: 'List length', ru: 'Длина списка' },
  help: { en: 'Counts the items of a list.', ru: 'Считает элементы списка.' },
  params: { list: listParam },
  outputs: { length: { type: 'number', title: { en: 'Length', ru: 'Длина' } } },
  run(_ctx, params) {
    return { outputs: { length: asList('list', params.list).length } };
  },
});

export const dataListSort = defineBlock({
  type: 'data.listSort',
  category: 'data',
  title: { en: 'Sort list', ru: 'Сортировать список' },
  help: {
    en: 'Sorts a list. "Auto" sorts numbers and dates by value even when they are text ("10" after "9", "02.01.2024" after "31.12.2023").',
    ru: 'Сортирует список. «Авто» упорядочивает числа и даты по значению, даже если они записаны текстом («10» после «9», «02.01.2024» после «31.12.2023»).',
  },
  params: {
    list: listParam,
    descending: param.boolean({ title: { en: 'Descending', ru: 'По убыванию' }, default: false }),
    as: compareAsParam,
  },
  outputs: listOutput,
  run(_ctx, params) {
    const sign = params.descending === true ? -1 : 1;
    const list = [...asList('list', params.list)].sort((a, b) => sign * compareValues(a, b, params.as ?? 'auto'));
    return { outputs: { list } };
  },
});

export const dataListUnique = defineBlock({
  type: 'data.listUnique',
  category: 'data',
  title: { en: 'Remove duplicates', ru: 'Убрать повторы' },
  help: { en: 'Keeps the first of equal items, in the original order.', ru: 'Оставляет первый из одинаковых элементов, сохраняя порядок.' },
  params: { list: listParam },
  outputs: listOutput,
  run(_ctx, params) {
    const seen = new Set<string>();
    const list = asList('list', params.list).filter((v) => {
      const key = valueKey(v);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { outputs: { list } };
  },
});

export const dataListSlice = defineBlock({
  type: 'data.listSlice',
  category: 'data',
  title: { en: 'Part of list', ru: 'Часть списка' },
  help: { en: 'Takes items from a start position up to (not including) an end position. Negative positions count from the end; an empty end means to the end.', ru: 'Берёт элементы с начальной позиции до конечной (не включая её). Отрицательные позиции считаются с конца; пустой конец — до конца списка.' },
  params: {
    list: listParam,
    start: param.number({ title: { en: 'Start', ru: 'С позиции' }, default: 0 }),
    end: param.number({ title: { en: 'End', ru: 'До позиции' } }),
  },
  outputs: listOutput,
  run(_ctx, params) {
    const end = params.end === undefined || params.end === null ? undefined : wholeNumber('end', params.end);
    return { outputs: { list: asList('list', params.list).slice(wholeNumber('start', params.start), end) } };
  },
});

export const dataListContains = defineBlock({
  type: 'data.listContains',
  category: 'data',
  title: { en: 'List contains', ru: 'Список содержит' },
  help: { en: 'Checks whether a list has an item equal to the value, and where it is first (-1 if absent).', ru: 'Проверяет, есть ли в списке элемент, равный значению, и где он встречается впервые (-1, если нет).' },
  params: { list: listParam, item: { ...itemParam, required: true } },
  outputs: {
    contains: { type: 'boolean', title: { en: 'Contains', ru: 'Содержит' } },
    index: { type: 'number', title: { en: 'Position', ru: 'Позиция' } },
  },
  run(_ctx, params) {
    const index = asList('list', params.list).findIndex((v) => sameValue(v, params.item));
    return { outputs: { contains: index >= 0, index } };
  },
});
