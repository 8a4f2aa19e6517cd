import { defineBlock, param } from '../define.js';
import { asDate, finite } from '../kit/checks.js';
import { formatDate, parseDate } from './lib/datePattern.js';
import { addToDate, dateDifference, dateUnits, type DateUnit } from './lib/dateMath.js';

const unitTitles: Record<DateUnit, { en: string; ru: string }> = {
  years: { en: 'Years', ru: 'Годы' },
  months: { en: 'Months', ru: 'Месяцы' },
  days: { en: 'Days', ru: 'Дни' },
  hours: { en: 'Hours', ru: 'Часы' },
  minutes: { en: 'Minutes', ru: 'Минуты' },
  seconds: { en: 'Seconds', ru: 'Секунды' },
};
const unitParam = param.choice<DateUnit>({
  title: { en: 'Unit', ru: 'Единица' },
  default: 'days',
  choices: dateUnits.map((value) => ({ value, title: unitTitles[value] })),
});
const patternParam = param.text({
  title: { en: 'Pattern', ru: 'Шаблон' },
  help: {
    en: 'yyyy year, MM month, dd day, HH hours, mm minutes, ss seconds; other characters as written.',
    ru: 'yyyy — год, MM — месяц, dd — день, HH — часы, mm — минуты, ss — секунды; остальные символы как есть.',
  },
  default: 'dd.MM.yyyy',
  key: true,
});
const dateOutput = { date: { type: 'datetime' as const, title: { en: 'Date', ru: 'Дата' } } };

export const dataNow = defineBlock({
  type: 'data.now',
  category: 'data',
  title: { en: 'Current date and time', ru: 'Текущие дата и время' },
  help: { en: 'Gives the current date and time of this computer.', ru: 'Возвращает текущие дату и время этого компьютера.' },
  params: {},
  outputs: dateOutput,
  run() {
    return { outputs: { date: new Date() } };
  },
});

export const dataParseDate = defineBlock({
  type: 'data.parseDate',
  category: 'data',
  title: { en: 'Text to date', ru: 'Текст в дату' },
  help: { en: 'Reads a date from text by a pattern, e.g. 25.12.2024 14:30 with dd.MM.yyyy HH:mm.', ru: 'Читает дату из текста по шаблону, например 25.12.2024 14:30 по шаблону dd.MM.yyyy HH:mm.' },
  params: { text: param.text({ title: { en: 'Text', ru: 'Текст' }, required: true }), pattern: patternParam },
  outputs: dateOutput,
  run(_ctx, params) {
    return { outputs: { date: parseDate(params.text, params.pattern) } };
  },
});

export const dataFormatDate = defineBlock({
  type: 'data.formatDate',
  category: 'data',
  title: { en: 'Date to text', ru: 'Дата в текст' },
  help: { en: 'Writes a date as text by a pattern.', ru: 'Записывает дату текстом по шаблону.' },
  params: { date: param.expression<Date>({ title: { en: 'Date', ru: 'Дата' }, required: true }), pattern: patternParam },
  outputs: { text: { type: 'text', title: { en: 'Text', ru: 'Текст' } } },
  run(_ctx, params) {
    return { outputs: { text: formatDate(asDate('date', params.date), params.pattern) } };
  },
});

export const dataAddToDate = defineBlock({
  type: 'data.addToDate',
  category: 'data',
  title: { en: 'Add to date', ru: 'Прибавить к дате' },
  help: {
    en: 'Adds (or with a negative amount subtracts) years, months, days, hours, minutes or seconds. 31 January + 1 month is the last day of February.',
    ru: 'Прибавляет (или, если число отрицательное, вычитает) годы, месяцы, дни, часы, минуты или секунды. 31 января + 1 месяц — последний день февраля.',
  },
  params: {
    date: param.expression<Date>({ title: { en: 'Date', ru: 'Дата' }, required: true }),
    amount: param.number({ title: { en: 'Amount', ru: 'Сколько' }, required: true, key: true }),
    unit: unitParam,
  },
  outputs: dateOutput,
  run(_ctx, params) {
    return { outputs: { date: addToDate(asDate('date', params.date), finite('amount', params.amount), params.unit ?? 'days') } };
  },
});

export const dataDateDifference = defineBlock({
  type: 'data.dateDifference',
  category: 'data',
  title: { en: 'Difference between dates', ru: 'Разница между датами' },
  help: {
    en: 'How many whole units lie from the first date to the second (negative if the second is earlier). Days are calendar days.',
    ru: 'Сколько целых единиц от первой даты до второй (отрицательное число, если вторая раньше). Дни считаются по календарю.',
  },
  params: {
    from: param.expression<Date>({ title: { en: 'From', ru: 'С даты' }, required: true }),
    to: param.expression<Date>({ title: { en: 'To', ru: 'По дату' }, required: true }),
    unit: { ...unitParam, key: true },
  },
  outputs: { difference: { type: 'number', title: { en: 'Difference', ru: 'Разница' } } },
  run(_ctx, params) {
    return { outputs: { difference: dateDifference(asDate('from', params.from), asDate('to', params.to), params.unit ?? 'days') } };
  },
});
