import { BlockError, defineBlock, param } from '../define.js';
import { asDictionary } from '../kit/checks.js';

/* Like the list blocks, dictionary blocks output a changed copy and leave their input alone. */

const dictParam = param.expression<Record<string, unknown>>({ title: { en: 'Dictionary', ru: 'Словарь' }, required: true });
const keyParam = param.text({ title: { en: 'Key', ru: 'Ключ' }, required: true, key: true });
const dictOutput = { dictionary: { type: 'dictionary' as const, title: { en: 'Dictionary', ru: 'Словарь' } } };

export const dataDictGet = defineBlock({
  type: 'data.dictGet',
  category: 'data',
  title: { en: 'Get dictionary value', ru: 'Значение из словаря' },
  help: { en: 'Gives the value stored under a key. If the key is absent, gives the default, or fails when there is no default.', ru: 'Возвращает значение по ключу. Если ключа нет — значение по умолчанию, а если оно не задано — ошибку.' },
  params: { dictionary: dictParam, key: keyParam, fallback: param.any({ title: { en: 'Default', ru: 'По умолчанию' } }) },
  outputs: { value: { type: 'any', title: { en: 'Value', ru: 'Значение' } } },
  run(_ctx, params) {
    const dict = asDictionary('dictionary', params.dictionary);
    const key = params.key;
    if (Object.hasOwn(dict, key)) return { outputs: { value: dict[key] } };
    if (params.fallback !== undefined) return { outputs: { value: params.fallback } };
    const known = Object.keys(dict).slice(0, 10).join(', ');
    throw new BlockError(`Key "${key}" is not in the dictionary (keys: ${known || 'none'})`, 'KEY_NOT_FOUND');
  },
});

export const dataDictSet = defineBlock({
  type: 'data.dictSet',
  category: 'data',
  title: { en: 'Set dictionary value', ru: 'Записать в словарь' },
  help: { en: 'Stores a value under a key (an empty dictionary if none is given).', ru: 'Записывает значение по ключу (в пустой словарь, если словарь не задан).' },
  params: { dictionary: { ...dictParam, required: false }, key: keyParam, value: param.any({ title: { en: 'Value', ru: 'Значение' } }) },
  outputs: dictOutput,
  run(_ctx, params) {
    const dict = params.dictionary === undefined || params.dictionary === null ? {} : asDictionary('dictionary', params.dictionary);
    return { outputs: { dictionary: { ...dict, [params.key]: params.value } } };
  },
});

export const dataDictRemove = defineBlock({
  type: 'data.dictRemove',
  category: 'data',
  title: { en: 'Remove dictionary key', ru: 'Удалить ключ словаря' },
  help: { en: 'Removes a key and its value; a missing key is not an error.', ru: 'Удаляет ключ и его значение; отсутствие ключа не считается ошибкой.' },
  params: { dictionary: dictParam, key: keyParam },
  outputs: dictOutput,
  run(_ctx, params) {
    const { [params.key]: _removed, ...rest } = asDictionary('dictionary', params.dictionary);
    return { outputs: { dictionary: rest } };
  },
});

export const dataDictKeys = defineBlock({
  type: 'data.dictKeys',
  category: 'data',
  title: { en: 'Dictionary keys', ru: 'Ключи словаря' },
  help: { en: 'Lists the keys of a dictionary, and its values in the same order.', ru: 'Возвращает список ключей словаря и список его значений в том же порядке.' },
  params: { dictionary: { ...dictParam, key: true } },
  outputs: {
    keys: { type: 'list', title: { en: 'Keys', ru: 'Ключи' } },
    values: { type: 'list', title: { en: 'Values', ru: 'Значения' } },
  },
  run(_ctx, params) {
    const dict = asDictionary('dictionary', params.dictionary);
    return { outputs: { keys: Object.keys(dict), values: Object.values(dict) } };
  },
});

export const dataDictHas = defineBlock({
  type: 'data.dictHas',
  category: 'data',
  title: { en: 'Dictionary has key', ru: 'Есть ли ключ в словаре' },
  help: { en: 'Checks whether a dictionary has a key.', ru: 'Проверяет, есть ли в словаре ключ.' },
  params: { dictionary: dictParam, key: keyParam },
  outputs: { has: { type: 'boolean', title: { en: 'Has key', ru: 'Ключ есть' } } },
  run(_ctx, params) {
    return { outputs: { has: Object.hasOwn(asDictionary('dictionary', params.dictionary), params.key) } };
  },
});
