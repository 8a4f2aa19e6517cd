import { param } from '../../define.js';

/**
 * Parameters shared by every HTTP block (request and download), so both read the same in the
 * properties panel and authenticate the same way.
 */
export const authParams = {
  auth: param.choice({
    title: { en: 'Authentication', ru: 'Аутентификация' },
    default: 'none',
    choices: [
      { value: 'none', title: { en: 'None', ru: 'Без аутентификации' } },
      { value: 'basic', title: { en: 'Basic (login and password)', ru: 'Basic (логин и пароль)' } },
      { value: 'bearer', title: { en: 'Bearer token', ru: 'Bearer-токен' } },
    ],
    advanced: true,
  }),
  username: param.text({ title: { en: 'Login', ru: 'Логин' }, advanced: true }),
  password: param.secret({ title: { en: 'Password', ru: 'Пароль' }, advanced: true }),
  token: param.secret({
    title: { en: 'Token', ru: 'Токен' },
    help: { en: 'Sent as "Authorization: Bearer <token>".', ru: 'Передаётся как «Authorization: Bearer <токен>».' },
    advanced: true,
  }),
};

export const transportParams = {
  headers: param.dictionary({
    title: { en: 'Headers', ru: 'Заголовки' },
    help: { en: 'Extra request headers, name → value.', ru: 'Дополнительные заголовки запроса: имя → значение.' },
  }),
  timeoutMs: param.number({
    title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' },
    help: { en: 'How long to wait for an answer. 0 waits forever.', ru: 'Сколько ждать ответа. 0 — ждать без ограничения.' },
    default: 30_000,
    advanced: true,
  }),
  retries: param.number({
    title: { en: 'Retries', ru: 'Повторы' },
    help: {
      en: 'How many more times to try when the server is unreachable, times out or answers 5xx.',
      ru: 'Сколько раз повторить запрос, если сервер недоступен, не ответил вовремя или вернул ошибку 5xx.',
    },
    default: 0,
    advanced: true,
  }),
  retryDelayMs: param.number({
    title: { en: 'Delay between retries, ms', ru: 'Пауза между повторами, мс' },
    default: 1000,
    advanced: true,
  }),
};
