import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import { BlockError, type BlockContext } from '../../define.js';
import { loadAxios } from '../../libraries.js';
import { createBackoff } from '../../../util/backoff.js';

export type RetryOptions = { retries: number; retryDelayMs: number };

/** Network error codes that mean "nobody answered": worth a retry, reported as UNREACHABLE. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE']);
const timeoutCodes = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/** Checks the URL up front so a typo is reported as such, not as a network failure. */
export function parseHttpUrl(raw: unknown): URL {
  if (typeof raw !== 'string' || raw.trim() === '') throw new BlockError('URL is empty', 'BAD_INPUT');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new BlockError(`"${raw}" is not a valid URL (expected http://… or https://…)`, 'BAD_INPUT');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BlockError(`URL "${raw}" must start with http:// or https://`, 'BAD_INPUT');
  }
  return url;
}

/**
 * Sends a request, retrying on network failures, timeouts and 5xx answers. Every other answer
 * (2xx–4xx) comes back as a response: the caller decides whether a 4xx is an error.
 */
export async function sendWithRetry<T>(
  ctx: BlockContext,
  config: AxiosRequestConfig,
  retry: RetryOptions,
): Promise<AxiosResponse<T>> {
  const attempts = Math.max(0, Math.floor(retry.retries)) + 1;
  // The user's delay, fixed: the one retry policy with no growth and no jitter.
  const delays = createBackoff(retry.retryDelayMs, retry.retryDelayMs, Math.random, { factor: 1, jitter: 0 });
  const where = `${(config.method ?? 'GET').toUpperCase()} ${config.url}`;
  const axios = await loadAxios();
  for (let attempt = 1; ; attempt++) {
    let failure: BlockError;
    try {
      const response = await axios.request<T>({ ...config, signal: ctx.signal, validateStatus: () => true });
      if (response.status < 500) return response;
      failure = new BlockError(`${where} answered ${response.status} ${response.statusText}`, `HTTP_${response.status}`);
      if (attempt >= attempts) return response;
      // A streamed body that we give up on must be released, or its socket stays open.
      (response.data as { destroy?: () => void } | undefined)?.destroy?.();
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
      failure = describeNetworkError(error, where, config.timeout);
      if (failure.code === 'BAD_INPUT') throw failure;
      if (attempt >= attempts) throw failure;
    }
    const delay = delays.next();
    ctx.log('warn', `${failure.message}; retry ${attempt} of ${attempts - 1} in ${delay} ms`);
    await ctx.sleep(delay);
  }
}

export function describeNetworkError(error: unknown, where: string, timeoutMs?: number): BlockError {
  if (error instanceof BlockError) return error;
  // axios errors and Node's socket errors both carry the code there.
  const code = (error as { code?: string } | null)?.code;
  if (code && timeoutCodes.has(code)) {
    return new BlockError(`${where} timed out after ${timeoutMs ?? '?'} ms without an answer`, 'TIMEOUT');
  }
  if (code && unreachableCodes.has(code)) {
    return new BlockError(`${where} failed: the host is unreachable (${code})`, 'UNREACHABLE');
  }
  if (code === 'ERR_INVALID_URL') return new BlockError(`${where}: invalid URL`, 'BAD_INPUT');
  const message = error instanceof Error ? error.message : String(error);
  return new BlockError(`${where} failed: ${message}`, code ?? 'NETWORK');
}
