import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlockError, defineBlock, param, type BlockContext } from '../define.js';
import { authParams, transportParams } from './lib/common-params.js';
import { authorizationHeader } from './lib/auth.js';
import { describeNetworkError, parseHttpUrl, sendWithRetry } from './lib/send.js';
import { stringRecord } from './lib/response.js';

const MB = 1024 * 1024;

export const httpDownload = defineBlock({
  type: 'http.download',
  category: 'http',
  title: { en: 'Download file', ru: 'Скачать файл' },
  help: {
    en: 'Downloads a URL straight to a file (streamed, so big files do not fill memory) and logs the progress.',
    ru: 'Скачивает файл по адресу прямо на диск (потоком, поэтому большие файлы не занимают память) и пишет ход загрузки в журнал.',
  },
  params: {
    url: param.text({ title: { en: 'URL', ru: 'Адрес (URL)' }, required: true, key: true }),
    path: param.filePath({ title: { en: 'Save to', ru: 'Куда сохранить' }, required: true, save: true }),
    ...transportParams,
    ...authParams,
  },
  outputs: {
    path: { type: 'text', title: { en: 'Saved file', ru: 'Сохранённый файл' } },
    bytes: { type: 'number', title: { en: 'Size, bytes', ru: 'Размер, байт' } },
  },
  async run(ctx, p) {
    const url = parseHttpUrl(p.url);
    if (typeof p.path !== 'string' || p.path === '') throw new BlockError('Parameter "path" (where to save) is empty', 'BAD_INPUT');
    const target = ctx.resolvePath(p.path);
    const headers = stringRecord(p.headers);
    const authorization = authorizationHeader(ctx, p);
    if (authorization) headers.Authorization = authorization;
    const where = `GET ${url.toString()}`;
    const response = await sendWithRetry<Readable>(
      ctx,
      { method: 'GET', url: url.toString(), headers, timeout: p.timeoutMs ?? 30_000, responseType: 'stream' },
      { retries: p.retries ?? 0, retryDelayMs: p.retryDelayMs ?? 1000 },
    );
    if (response.status < 200 || response.status > 299) {
      response.data.destroy();
      throw new BlockError(`${where} answered ${response.status} ${response.statusText}; nothing saved`, `HTTP_${response.status}`);
    }
    const total = Number(response.headers['content-length']) || undefined;
    await mkdir(dirname(target), { recursive: true });
    // Written under a temporary name first: a broken download never looks like a finished file.
    const partial = `${target}.part`;
    let bytes = 0;
    try {
      await pipeline(response.data, progress(ctx, total, (n) => (bytes = n)), createWriteStream(partial), { signal: ctx.signal });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
      throw describeNetworkError(error, where, p.timeoutMs);
    }
    ctx.log('info', `Downloaded ${url.toString()} → ${target} (${bytes} bytes)`);
    return { outputs: { path: target, bytes } };
  },
});

/** Counts bytes and logs progress: every 10 % when the size is known, else every 10 MB. */
function progress(ctx: BlockContext, total: number | undefined, onCount: (bytes: number) => void): Transform {
  let bytes = 0;
  let nextReport = total ? total / 10 : 10 * MB;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onCount(bytes);
      if (bytes >= nextReport && (total ?? Infinity) >= MB) {
        const share = total ? ` of ${(total / MB).toFixed(1)} MB (${Math.floor((bytes / total) * 100)} %)` : '';
        ctx.log('info', `Downloaded ${(bytes / MB).toFixed(1)} MB${share}`);
        nextReport += total ? total / 10 : 10 * MB;
      }
      done(null, chunk);
    },
  });
}
