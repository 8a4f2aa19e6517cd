import { BlockError, defineBlock, param, type LogLevel } from '../define.js';

const levels: { value: LogLevel; title: { en: string; ru: string } }[] = [
  { value: 'debug', title: { en: 'Debug', ru: 'Отладка' } },
  { value: 'info', title: { en: 'Info', ru: 'Информация' } },
  { value: 'warn', title: { en: 'Warning', ru: 'Предупреждение' } },
  { value: 'error', title: { en: 'Error', ru: 'Ошибка' } },
];

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export const log = defineBlock({
  type: 'core.log',
  category: 'core',
  title: { en: 'Log message', ru: 'Записать в журнал' },
  help: {
    en: 'Writes a line to the run log. For values use an expression, e.g. `Total: ${total}` as a template literal. Secrets are masked.',
    ru: 'Пишет строку в журнал выполнения. Для значений используйте выражение, например шаблон `Итого: ${total}`. Секреты скрываются.',
  },
  params: {
    level: param.choice<LogLevel>({ title: { en: 'Level', ru: 'Уровень' }, choices: levels, default: 'info' }),
    message: param.any({ title: { en: 'Message', ru: 'Сообщение' }, required: true, key: true }),
  },
  run(ctx, { level, message }) {
    ctx.log(level, asText(message));
  },
});

export const throwBlock = defineBlock({
  type: 'core.throw',
  category: 'core',
  title: { en: 'Throw error', ru: 'Вызвать ошибку' },
  help: {
    en: 'Fails with the given message (and optional code); the error policy of this block or the run decides what happens next.',
    ru: 'Завершается ошибкой с указанным сообщением (и кодом); что дальше — решает политика ошибок блока или запуска.',
  },
  params: {
    message: param.text({ title: { en: 'Message', ru: 'Сообщение' }, required: true, key: true }),
    code: param.text({ title: { en: 'Code', ru: 'Код' }, advanced: true }),
  },
  run(_ctx, { message, code }) {
    throw new BlockError(message, code === '' ? undefined : code);
  },
});
