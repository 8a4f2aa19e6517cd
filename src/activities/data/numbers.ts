import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT, wholeNumber } from '../kit/checks.js';
import { formatLocaleNumber, localeChoices, parseLocaleNumber } from './lib/numbers.js';

const localeParam = param.choice({
  title: { en: 'Number format', ru: 'Формат чисел' },
  default: 'ru-RU',
  choices: localeChoices,
});

export const dataParseNumber = defineBlock({
  type: 'data.parseNumber',
  category: 'data',
  title: { en: 'Text to number', ru: 'Текст в число' },
  help: {
    en: 'Reads a number from text written in the chosen format: "1 234,56" in Russian, "1,234.56" in English.',
    ru: 'Читает число из текста в выбранном формате: «1 234,56» по-русски, «1,234.56» по-английски.',
  },
  params: {
    text: param.text({ title: { en: 'Text', ru: 'Текст' }, required: true, key: true }),
    locale: localeParam,
  },
  outputs: { number: { type: 'number', title: { en: 'Number', ru: 'Число' } } },
  run(_ctx, params) {
    if (typeof params.text === 'number') return { outputs: { number: params.text } };
    return { outputs: { number: parseLocaleNumber(params.text, params.locale) } };
  },
});

export const dataFormatNumber = defineBlock({
  type: 'data.formatNumber',
  category: 'data',
  title: { en: 'Number to text', ru: 'Число в текст' },
  help: {
    en: 'Writes a number as text in the chosen format, with a fixed number of decimals if given.',
    ru: 'Записывает число текстом в выбранном формате, с заданным числом знаков после запятой.',
  },
  params: {
    number: param.number({ title: { en: 'Number', ru: 'Число' }, required: true, key: true }),
    locale: localeParam,
    decimals: param.number({ title: { en: 'Decimals', ru: 'Знаков после запятой' } }),
    grouping: param.boolean({ title: { en: 'Group thousands', ru: 'Разделять тысячи' }, default: true }),
  },
  outputs: { text: { type: 'text', title: { en: 'Text', ru: 'Текст' } } },
  run(_ctx, params) {
    const number = params.number;
    const decimals = params.decimals === undefined || params.decimals === null ? undefined : wholeNumber('decimals', params.decimals);
    if (decimals !== undefined && (decimals < 0 || decimals > 20)) {
      throw new BlockError(`Parameter "decimals" must be from 0 to 20, but it is ${decimals}`, BAD_INPUT);
    }
    const text = formatLocaleNumber(number, params.locale, decimals, params.grouping !== false);
    return { outputs: { text } };
  },
});
