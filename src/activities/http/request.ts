import { BlockError, defineBlock, param } from '../define.js';
import { authParams, transportParams } from './lib/common-params.js';
import { authorizationHeader } from './lib/auth.js';
import { prepareBody, type BodyType } from './lib/body.js';
import { parseHttpUrl, sendWithRetry } from './lib/send.js';
import { decodeBody, headerRecord, stringRecord } from './lib/response.js';

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export const httpRequest = defineBlock({
  type: 'http.request',
  category: 'http',
  title: { en: 'HTTP request', ru: 'HTTP-запрос' },
  help: {
    en: 'Sends an HTTP request and returns the status, headers and body (JSON answers become objects). Retries when the server is unreachable or answers 5xx.',
    ru: 'Отправляет HTTP-запрос и возвращает код ответа, заголовки и тело (ответ в JSON превращается в объект). Повторяет запрос, если сервер недоступен или отвечает ошибкой 5xx.',
  },
  params: {
    method: param.choice({
      title: { en: 'Method', ru: 'Метод' },
      default: 'GET',
      choices: methods.map((m) => ({ value: m, title: { en: m, ru: m } })),
    }),
    url: param.text({ title: { en: 'URL', ru: 'Адрес (URL)' }, required: true, key: true, placeholder: 'https://example.com/api' }),
    query: param.dictionary({
      title: { en: 'Query parameters', ru: 'Параметры строки запроса' },
      help: { en: 'Added to the URL as ?name=value.', ru: 'Добавляются к адресу как ?имя=значение.' },
    }),
    bodyType: param.choice({
      title: { en: 'Body type', ru: 'Тип тела запроса' },
      default: 'none',
      choices: [
        { value: 'none', title: { en: 'No body', ru: 'Без тела' } },
        { value: 'json', title: { en: 'JSON', ru: 'JSON' } },
        { value: 'form', title: { en: 'Form (urlencoded)', ru: 'Форма (urlencoded)' } },
        { value: 'multipart', title: { en: 'Multipart (fields and files)', ru: 'Multipart (поля и файлы)' } },
        { value: 'text', title: { en: 'Raw text', ru: 'Простой текст' } },
      ],
    }),
    body: param.any({
      title: { en: 'Body', ru: 'Тело запроса' },
      help: {
        en: 'JSON: any value. Form and multipart: a dictionary of fields. Text: a string.',
        ru: 'JSON — любое значение. Форма и multipart — словарь полей. Текст — строка.',
      },
    }),
    files: param.dictionary({
      title: { en: 'Files (multipart)', ru: 'Файлы (multipart)' },
      help: { en: 'Field name → file path; sent as file parts.', ru: 'Имя поля → путь к файлу; файлы отправляются частями формы.' },
    }),
    ...transportParams,
    failOnError: param.boolean({
      title: { en: 'Fail on non-2xx answer', ru: 'Ошибка при ответе не 2xx' },
      help: {
        en: 'When on, a 3xx–5xx answer is an error (code HTTP_<status>); when off, check the status yourself.',
        ru: 'Если включено, ответ с кодом 3xx–5xx считается ошибкой (код HTTP_<статус>); если выключено — проверяйте код ответа сами.',
      },
      default: true,
    }),
    ...authParams,
  },
  outputs: {
    status: { type: 'number', title: { en: 'Status code', ru: 'Код ответа' } },
    headers: { type: 'dictionary', title: { en: 'Response headers', ru: 'Заголовки ответа' } },
    body: { type: 'any', title: { en: 'Response body', ru: 'Тело ответа' } },
  },
  async run(ctx, p) {
    const url = parseHttpUrl(p.url);
    const method = p.method; // one of `methods`: the engine checks the choice
    for (const [name, value] of Object.entries(stringRecord(p.query))) url.searchParams.append(name, value);
    const headers = stringRecord(p.headers);
    const authorization = authorizationHeader(ctx, p);
    if (authorization) headers.Authorization = authorization;
    if (p.files !== undefined && p.bodyType !== 'multipart' && Object.keys(p.files ?? {}).length > 0) {
      throw new BlockError(`Files can only be sent with body type "multipart", not "${p.bodyType ?? 'none'}"`, 'BAD_INPUT');
    }
    const prepared = await prepareBody(ctx, (p.bodyType ?? 'none') as BodyType, p.body, p.files);
    if (prepared.contentType && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = prepared.contentType;
    }
    const response = await sendWithRetry<ArrayBuffer>(
      ctx,
      { method, url: url.toString(), headers, data: prepared.data, timeout: p.timeoutMs ?? 30_000, responseType: 'arraybuffer', maxRedirects: 5 },
      { retries: p.retries ?? 0, retryDelayMs: p.retryDelayMs ?? 1000 },
    );
    const responseHeaders = headerRecord(response.headers);
    const body = decodeBody(Buffer.from(response.data ?? new ArrayBuffer(0)), responseHeaders['content-type']);
    ctx.log('info', `${method} ${url.origin}${url.pathname} → ${response.status}`);
    if ((p.failOnError ?? true) && (response.status < 200 || response.status > 299)) {
      const detail = typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300);
      throw new BlockError(`${method} ${url.toString()} answered ${response.status} ${response.statusText}: ${detail}`, `HTTP_${response.status}`);
    }
    return { outputs: { status: response.status, headers: responseHeaders, body } };
  },
});
