import { BlockError, defineBlock, param } from '../define.js';

export const dataParseJson = defineBlock({
  type: 'data.parseJson',
  category: 'data',
  title: { en: 'Read JSON', ru: 'Разобрать JSON' },
  help: { en: 'Turns JSON text into a value: a dictionary, a list, text, a number …', ru: 'Превращает текст JSON в значение: словарь, список, текст, число …' },
  params: { text: param.multiline({ title: { en: 'JSON text', ru: 'Текст JSON' }, required: true, key: true }) },
  outputs: { value: { type: 'any', title: { en: 'Value', ru: 'Значение' } } },
  run(_ctx, params) {
    const text = params.text;
    try {
      return { outputs: { value: JSON.parse(text) as unknown } };
    } catch (error) {
      throw new BlockError(`Text is not valid JSON: ${(error as Error).message}`, 'BAD_JSON');
    }
  },
});

export const dataToJson = defineBlock({
  type: 'data.toJson',
  category: 'data',
  title: { en: 'Write JSON', ru: 'Записать в JSON' },
  help: { en: 'Turns a value into JSON text. Dates become ISO text.', ru: 'Превращает значение в текст JSON. Даты записываются в формате ISO.' },
  params: {
    value: param.expression({ title: { en: 'Value', ru: 'Значение' }, required: true, key: true }),
    pretty: param.boolean({ title: { en: 'Indented', ru: 'С отступами' }, default: false }),
  },
  outputs: { text: { type: 'text', title: { en: 'JSON text', ru: 'Текст JSON' } } },
  run(_ctx, params) {
    let text: string | undefined;
    try {
      text = JSON.stringify(params.value, null, params.pretty === true ? 2 : undefined);
    } catch (error) {
      throw new BlockError(`Value cannot be written as JSON: ${(error as Error).message}`, 'BAD_INPUT');
    }
    if (text === undefined) throw new BlockError('Value cannot be written as JSON: it is empty or a function', 'BAD_INPUT');
    return { outputs: { text } };
  },
});

export const dataGuid = defineBlock({
  type: 'data.guid',
  category: 'data',
  title: { en: 'New GUID', ru: 'Новый GUID' },
  help: { en: 'Generates a new random unique identifier (UUID v4).', ru: 'Создаёт новый случайный уникальный идентификатор (UUID v4).' },
  params: {},
  outputs: { guid: { type: 'text', title: { en: 'GUID', ru: 'GUID' } } },
  run() {
    return { outputs: { guid: crypto.randomUUID() } };
  },
});
