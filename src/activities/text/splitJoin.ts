import { defineBlock, param } from '../define.js';
import { asList } from '../kit/checks.js';
import { displayText } from '../kit/display.js';

export const textSplit = defineBlock({
  type: 'text.split',
  category: 'text',
  title: { en: 'Split text', ru: 'Разделить текст' },
  help: {
    en: 'Splits text into a list at every separator. "\\n" splits into lines (Windows line ends are handled).',
    ru: 'Делит текст на список по разделителю. «\\n» делит на строки (окончания строк Windows тоже учитываются).',
  },
  params: {
    text: param.multiline({ title: { en: 'Text', ru: 'Текст' }, required: true }),
    separator: param.text({ title: { en: 'Separator', ru: 'Разделитель' }, default: ',', key: true }),
    trim: param.boolean({ title: { en: 'Trim each part', ru: 'Обрезать пробелы у частей' }, default: true }),
    removeEmpty: param.boolean({ title: { en: 'Drop empty parts', ru: 'Убрать пустые части' }, default: false }),
  },
  outputs: { parts: { type: 'list', title: { en: 'Parts', ru: 'Части' } } },
  run(_ctx, params) {
    const text = params.text;
    const separator = (params.separator ?? ',').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    const source = separator === '\n' ? text.replace(/\r\n/g, '\n') : text;
    let parts = separator === '' ? [...source] : source.split(separator);
    if (params.trim !== false) parts = parts.map((p) => p.trim());
    if (params.removeEmpty === true) parts = parts.filter((p) => p !== '');
    return { outputs: { parts } };
  },
});

export const textJoin = defineBlock({
  type: 'text.join',
  category: 'text',
  title: { en: 'Join list into text', ru: 'Соединить список в текст' },
  help: { en: 'Joins the items of a list into one text with a separator between them.', ru: 'Соединяет элементы списка в один текст через разделитель.' },
  params: {
    list: param.expression<unknown[]>({ title: { en: 'List', ru: 'Список' }, required: true }),
    separator: param.text({ title: { en: 'Separator', ru: 'Разделитель' }, default: ', ', key: true }),
  },
  outputs: { text: { type: 'text', title: { en: 'Text', ru: 'Текст' } } },
  run(_ctx, params) {
    const separator = (params.separator ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    return { outputs: { text: asList('list', params.list).map(displayText).join(separator) } };
  },
});
