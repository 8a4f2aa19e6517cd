import { BlockError, defineBlock, param } from '../define.js';
import { BAD_INPUT, wholeNumber } from '../kit/checks.js';
import { compileRegex } from './lib/regex.js';

const textParam = param.text({ title: { en: 'Text', ru: 'Текст' }, required: true });
const patternParam = param.text({
  title: { en: 'Pattern (regular expression)', ru: 'Шаблон (регулярное выражение)' },
  required: true,
  key: true,
  placeholder: '\\d{2}\\.\\d{2}\\.\\d{4}',
});
const flagsParam = (fallback: string) =>
  param.text({
    title: { en: 'Flags', ru: 'Флаги' },
    help: { en: 'i — ignore case, m — multiline, s — dot matches newline.', ru: 'i — без учёта регистра, m — многострочный режим, s — точка совпадает с переводом строки.' },
    default: fallback,
    advanced: true,
  });

export const textRegexMatch = defineBlock({
  type: 'text.regexMatch',
  category: 'text',
  title: { en: 'Find by pattern', ru: 'Найти по шаблону' },
  help: {
    en: 'Finds the first match of a regular expression. Outputs whether it was found, the matched text, its groups (list) and named groups (dictionary).',
    ru: 'Ищет первое совпадение с регулярным выражением. Возвращает признак «найдено», найденный текст, группы (список) и именованные группы (словарь).',
  },
  params: { text: textParam, pattern: patternParam, flags: flagsParam('') },
  outputs: {
    found: { type: 'boolean', title: { en: 'Found', ru: 'Найдено' } },
    match: { type: 'text', title: { en: 'Matched text', ru: 'Найденный текст' } },
    groups: { type: 'list', title: { en: 'Groups', ru: 'Группы' } },
    named: { type: 'dictionary', title: { en: 'Named groups', ru: 'Именованные группы' } },
  },
  run(_ctx, params) {
    const regex = compileRegex(params.pattern, params.flags ?? '');
    const found = regex.exec(params.text);
    return {
      outputs: {
        found: found !== null,
        match: found?.[0] ?? '',
        groups: found ? found.slice(1).map((g) => g ?? '') : [],
        named: { ...(found?.groups ?? {}) },
      },
    };
  },
});

export const textRegexReplace = defineBlock({
  type: 'text.regexReplace',
  category: 'text',
  title: { en: 'Replace by pattern', ru: 'Заменить по шаблону' },
  help: {
    en: 'Replaces matches of a regular expression. In the replacement, $1 inserts a group and $<name> a named group. With the g flag every match is replaced.',
    ru: 'Заменяет совпадения с регулярным выражением. В замене $1 вставляет группу, $<имя> — именованную группу. С флагом g заменяются все совпадения.',
  },
  params: {
    text: textParam,
    pattern: patternParam,
    replacement: param.text({ title: { en: 'Replace with', ru: 'Заменить на' }, default: '' }),
    flags: flagsParam('g'),
  },
  outputs: { text: { type: 'text', title: { en: 'Result', ru: 'Результат' } } },
  run(_ctx, params) {
    const regex = compileRegex(params.pattern, params.flags ?? '');
    return { outputs: { text: params.text.replace(regex, params.replacement ?? '') } };
  },
});

export const textRegexExtractAll = defineBlock({
  type: 'text.regexExtractAll',
  category: 'text',
  title: { en: 'Extract all by pattern', ru: 'Извлечь все совпадения' },
  help: {
    en: 'Returns a list of every match of a regular expression, or of one group of each match (group 1, 2 …).',
    ru: 'Возвращает список всех совпадений с регулярным выражением или одной группы каждого совпадения (группа 1, 2 …).',
  },
  params: {
    text: textParam,
    pattern: patternParam,
    group: param.number({ title: { en: 'Group (0 = whole match)', ru: 'Группа (0 — всё совпадение)' }, default: 0, advanced: true }),
    flags: flagsParam(''),
  },
  outputs: { matches: { type: 'list', title: { en: 'Matches', ru: 'Совпадения' } } },
  run(_ctx, params) {
    const flags = params.flags ?? '';
    const regex = compileRegex(params.pattern, flags.includes('g') ? flags : `${flags}g`);
    const group = wholeNumber('group', params.group);
    const matches = [...params.text.matchAll(regex)];
    if (matches.length > 0 && (group < 0 || group >= matches[0].length)) {
      throw new BlockError(`Pattern "${regex.source}" has no group ${group}: it has ${matches[0].length - 1}`, BAD_INPUT);
    }
    return { outputs: { matches: matches.map((m) => m[group] ?? '') } };
  },
});
