import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { OrchestratorError, isTlsCode, preview } from './errors.js';
import { fillPath, type PathName, type PathTable } from './paths.js';

/**
 * The transport under the typed client: one request = one call of the path table, with the
 * robot's Basic auth, an overall deadline, a cap on the answer size, retries with exponential
 * backoff and jitter on network errors, timeouts and 5xx (never on 4xx: the same request would be
 * refused again), and every failure turned into an OrchestratorError a user can read.
 */

export type TransportOptions = {
  baseUrl: string;
  /** The GUID sent as `Basic base64(guid)`: the robot's GUID, or a user's API key for publishing. */
  credential: string;
  paths: PathTable;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxContentLength: number;
  insecure: boolean;
  warn: (line: string) => void;
};

export type CallInput = {
  params?: Record<string, string | undefined>;
  /** Form-encoded body (already encoded) or multipart FormData. */
  body?: string | FormData;
  binary?: boolean;
  maxContentLength?: number;
  /** A longer deadline for this call (package transfers), else the transport's. */
  timeoutMs?: number;
};

export type CallResult = { status: number; text: string; bytes: Buffer; url: string };

// Insecure mode is warned about once per Orchestrator URL per process, not once per request.
const warnedInsecure = new Set<string>();

export function createTransport(options: TransportOptions): (call: PathName, input?: CallInput) => Promise<CallResult> {
  const base = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base)) {
    throw new OrchestratorError({
      kind: 'rejected',
      call: 'config',
      url: base,
      message: `Orchestrator URL "${options.baseUrl}" must start with http:// or https://.`,
    });
  }
  if (options.insecure && base.startsWith('https') && !warnedInsecure.has(base)) {
    warnedInsecure.add(base);
    options.warn(`WARNING: TLS certificate checks are OFF for ${base}: anyone on the network path can impersonate it.`);
  }
  const http: AxiosInstance = axios.create({
    baseURL: base,
    headers: { Authorization: `Basic ${Buffer.from(options.credential, 'utf8').toString('base64')}` },
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({ keepAlive: true, rejectUnauthorized: !options.insecure }),
    maxRedirects: 0,
    proxy: false,
    validateStatus: () => true, // statuses are mapped below, with the body at hand
  });

  const once = async (call: PathName, input: CallInput): Promise<CallResult> => {
    const route = options.paths[call];
    const path = fillPath(route.path, input.params);
    const url = `${base}${path}`;
    const timeoutMs = input.timeoutMs ?? options.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    let response: AxiosResponse<ArrayBuffer>;
    try {
      response = await http.request<ArrayBuffer>({
        method: route.method,
        url: path,
        data: input.body,
        headers: typeof input.body === 'string' ? { 'Content-Type': 'application/x-www-form-urlencoded' } : undefined,
        responseType: 'arraybuffer',
        timeout: timeoutMs,
        signal: deadline,
        maxContentLength: input.maxContentLength ?? options.maxContentLength,
        maxBodyLength: Infinity,
      });
    } catch (error) {
      throw networkError(error, call, url, { ...options, timeoutMs, maxContentLength: input.maxContentLength ?? options.maxContentLength }, deadline.aborted);
    }
    const bytes = Buffer.from(response.data);
    const text = input.binary ? '' : bytes.toString('utf8');
    const status = response.status;
    if (status >= 200 && status < 300) return { status, text, bytes, url };
    const said = input.binary ? preview(bytes.toString('utf8')) : preview(text);
    const tail = said ? `: ${said}` : '';
    if (status === 401 || status === 403) {
      throw new OrchestratorError({
        kind: 'unauthorized',
        call,
        url,
        status,
        message: `The Orchestrator at ${base} refused the credential (HTTP ${status}) on ${call}${tail}. Check the robot GUID.`,
      });
    }
    const kind = status === 404 ? 'notFound' : status >= 500 ? 'server' : 'rejected';
    throw new OrchestratorError({ kind, call, url, status, message: `Orchestrator ${call} failed with HTTP ${status}${tail}` });
  };

  return async (call, input = {}) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await once(call, input);
      } catch (error) {
        if (!(error instanceof OrchestratorError) || !error.transient || attempt >= options.retries) throw error;
        const ceiling = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** attempt);
        // A random delay in the upper half of the backoff: a fleet of robots that lost the server
        // together does not come back in lockstep.
        await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
      }
    }
  };
}

function networkError(
  error: unknown,
  call: string,
  url: string,
  options: TransportOptions,
  deadlinePassed: boolean,
): OrchestratorError {
  const axiosError = error instanceof AxiosError ? error : undefined;
  const code = axiosError?.code ?? (error as { code?: string } | undefined)?.code;
  const cause = (axiosError?.cause as { code?: string } | undefined)?.code;
  const reason = axiosError?.message ?? String(error);
  if (deadlinePassed || code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new OrchestratorError({
      kind: 'timeout',
      call,
      url,
      cause: error,
      message: `The Orchestrator did not answer ${call} within ${options.timeoutMs} ms (${url}).`,
    });
  }
  if (/maxContentLength/.test(reason)) {
    return new OrchestratorError({
      kind: 'tooLarge',
      call,
      url,
      cause: error,
      message: `The Orchestrator's answer to ${call} is larger than the ${options.maxContentLength}-byte limit (${url}).`,
    });
  }
  if (isTlsCode(code) || isTlsCode(cause)) {
    return new OrchestratorError({
      kind: 'tls',
      call,
      url,
      cause: error,
      message: `The Orchestrator's TLS certificate was refused (${code ?? cause}: ${reason}). Fix the certificate, or turn certificate checks off for this Orchestrator in its settings.`,
    });
  }
  return new OrchestratorError({
    kind: 'unreachable',
    call,
    url,
    cause: error,
    message: `The Orchestrator at ${url} cannot be reached (${code ?? reason}).`,
  });
}
