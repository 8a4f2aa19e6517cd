import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT, wholeNumber } from '../kit/checks.js';

const textParam = param.text({ title: { en: 'Text', ru: 'Текст' }, required: true });
const textOutput = { text: { type: 'text' as const, title: { en: 'Result', ru: 'Результат' } } };

export const textTrim = defineBlock({
  type: 'text.trim',
  category: 'text',
  title: { en: 'Trim spaces', ru: 'Обрезать пробелы' },
  help: { en: 'Removes spaces, tabs and line breaks at the start, the end or both ends of the text.', ru: 'Убирает пробелы, табуляции и переводы строк в начале, в конце или с обеих сторон текста.' },
  params: {
    text: textParam,
    side: param.choice({
      title: { en: 'Where', ru: 'Где' },
      default: 'both',
      key: true,
      choices: [
        { value: 'both', title: { en: 'Both ends', ru: 'С обеих сторон' } },
        { value: 'start', title: { en: 'Start', ru: 'В начале' } },
        { value: 'end', title: { en: 'End', ru: 'В конце' } },
      ],
    }),
  },
  outputs: textOutput,
  run(_ctx, params) {
    const text = params.text;
    const trimmed = params.side === 'start' ? text.trimStart() : params.side === 'end' ? text.trimEnd() : text.trim();
    return { outputs: { text: trimmed } };
  },
});

export const textChangeCase = defineBlock({
  type: 'text.changeCase',
  category: 'text',
  title: { en: 'Change case', ru: 'Изменить регистр' },
  help: { en: 'UPPER, lower, Title Case (every word) or Sentence case (first letter only).', ru: 'ВЕРХНИЙ, нижний, Каждое Слово С Заглавной или Как в предложении (только первая буква).' },
  params: {
    text: textParam,
    to: param.choice({
      title: { en: 'Case', ru: 'Регистр' },
      default: 'upper',
      key: true,
      choices: [
        { value: 'upper', title: { en: 'UPPER', ru: 'ВЕРХНИЙ' } },
        { value: 'lower', title: { en: 'lower', ru: 'нижний' } },
        { value: 'title', title: { en: 'Title Case', ru: 'Каждое Слово' } },
        { value: 'sentence', title: { en: 'Sentence case', ru: 'Как в предложении' } },
      ],
    }),
  },
  outputs: textOutput,
  run(_ctx, params) {
    const text = params.text;
    const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
    switch (params.to) {
      case 'lower':
        return { outputs: { text: text.toLowerCase() } };
      case 'title':
        return { outputs: { text: text.toLowerCase().replace(/\p{L}[\p{L}\p{N}'’]*/gu, capital) } };
      case 'sentence':
        return { outputs: { text: capital(text.toLowerCase()) } };
      default:
        return { outputs: { text: text.toUpperCase() } };
    }
  },
});

export const textPad = defineBlock({
  type: 'text.pad',
  category: 'text',
  title: { en: 'Pad text', ru: 'Дополнить текст' },
  help: { en: 'Pads text to a length with a character, e.g. 42 → 00042.', ru: 'Дополняет текст символом до нужной длины, например 42 → 00042.' },
  params: {
    text: textParam,
    length: param.number({ title: { en: 'Length', ru: 'Длина' }, required: true, key: true }),
    char: param.text({ title: { en: 'Character', ru: 'Символ' }, default: ' ' }),
    side: param.choice({
      title: { en: 'Side', ru: 'С какой стороны' },
      default: 'start',
      choices: [
        { value: 'start', title: { en: 'Start', ru: 'Слева' } },
        { value: 'end', title: { en: 'End', ru: 'Справа' } },
      ],
    }),
  },
  outputs: textOutput,
  run(_ctx, params) {
    const text = params.text;
    const length = wholeNumber('length', params.length);
    const char = params.char ?? ' ';
    if (char.length === 0) throw new BlockError('Parameter "char" must not be empty', BAD_INPUT);
    return { outputs: { text: params.side === 'end' ? text.padEnd(length, char) : text.padStart(length, char) } };
  },
});

export const textSubstring = defineBlock({
  type: 'text.substring',
  category: 'text',
  title: { en: 'Part of text', ru: 'Часть текста' },
  help: {
    en: 'Takes characters from a position (0 is the first; a negative start counts from the end). Leave the length empty to take the rest.',
    ru: 'Берёт символы начиная с позиции (0 — первый; отрицательная позиция считается с конца). Пустая длина — до конца текста.',
  },
  params: {
    text: textParam,
    start: param.number({ title: { en: 'Start', ru: 'С позиции' }, default: 0, key: true }),
    length: param.number({ title: { en: 'Length', ru: 'Длина' } }),
  },
  outputs: textOutput,
  run(_ctx, params) {
    const chars = [...params.text];
    const start = wholeNumber('start', params.start);
    const from = start < 0 ? Math.max(chars.length + start, 0) : start;
    const length = params.length === undefined || params.length === null ? undefined : wholeNumber('length', params.length);
    if (length !== undefined && length < 0) throw new BlockError(`Parameter "length" must not be negative, but it is ${length}`, BAD_INPUT);
    return { outputs: { text: chars.slice(from, length === undefined ? undefined : from + length).join('') } };
  },
});
