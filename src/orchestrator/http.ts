import type { Dispatcher, Pool } from 'undici';
import { OrchestratorError, isTlsCode, preview } from './errors.js';
import { createBackoff, sleep, type Backoff } from '../util/backoff.js';
import { loadUndiciPool } from './libraries.js';
import { fillPath, type PathName, type PathTable } from './paths.js';

/**
 * The transport under the typed client: one request = one call of the path table, with the
 * robot's Basic auth, an overall deadline, a cap on the answer size, retries with exponential
 * backoff and jitter on network errors, timeouts and 5xx (never on 4xx: the same request would be
 * refused again), and every failure turned into an OrchestratorError a user can read.
 *
 * The wire is undici's connection pool, not node:http: a job's log lines go one call after the
 * other, so the client's own cost per call sets the delivery rate, and undici's is well below
 * node:http's (`npm run bench:startup -- --only logs` measures the robot's whole path against
 * plain node:http posts). It is loaded on the first call, never at start-up.
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
  const authorization = `Basic ${Buffer.from(options.credential, 'utf8').toString('base64')}`;
  // Parsed once: each call only adds its path.
  const parsed = new URL(base);
  const pathPrefix = parsed.pathname.replace(/\/+$/, '');
  // Kept-alive connections: the robot's calls (a job's log lines above all) go one after another to
  // the same server, so each reuses a connection instead of paying a TCP (and TLS) handshake. A
  // pool, so a heartbeat never queues behind a package download.
  let pool: Pool | undefined;
  const connect = async (): Promise<Pool> => {
    const PoolClass = await loadUndiciPool();
    pool ??= new PoolClass(parsed.origin, { connect: { rejectUnauthorized: !options.insecure } });
    return pool;
  };

  const once = async (call: PathName, input: CallInput): Promise<CallResult> => {
    const route = options.paths[call];
    const path = fillPath(route.path, input.params);
    const url = `${base}${path}`;
    const timeoutMs = input.timeoutMs ?? options.timeoutMs;
    const maxContentLength = input.maxContentLength ?? options.maxContentLength;
    let response: { status: number; bytes: Buffer };
    const deadline = { passed: false };
    try {
      const body = typeof input.body === 'string' ? formBody(input.body) : await multipartBody(input.body);
      const headers: Record<string, string> = body ? { authorization, 'content-type': body.type } : { authorization };
      response = await send(pool ?? (await connect()), { path: `${pathPrefix}${path}`, method: route.method, headers, body: body?.data ?? null }, maxContentLength, timeoutMs, deadline);
    } catch (error) {
      throw networkError(error, call, url, { ...options, timeoutMs, maxContentLength }, deadline.passed);
    }
    const bytes = response.bytes;
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
    let backoff: Backoff | undefined;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await once(call, input);
      } catch (error) {
        if (!(error instanceof OrchestratorError) || !error.transient || attempt >= options.retries) throw error;
        // Cairn's one retry policy (made on the first failure: log lines are the hot path), half of
        // each delay at random: a fleet of robots that lost the server together does not come
        // back in lockstep.
        backoff ??= createBackoff(options.retryBaseMs, options.retryMaxMs, Math.random, { jitter: 0.5 });
        await sleep(backoff.next());
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
  const code = (error as { code?: string } | undefined)?.code;
  const cause = ((error as { cause?: { code?: string } } | undefined)?.cause)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  if (deadlinePassed || code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new OrchestratorError({
      kind: 'timeout',
      call,
      url,
      cause: error,
      message: `The Orchestrator did not answer ${call} within ${options.timeoutMs} ms (${url}).`,
    });
  }
  if (error instanceof TooLarge) {
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

/** The answer grew past the caller's limit: the socket was dropped without reading the rest. */
class TooLarge extends Error {}

/**
 * One HTTP exchange: the whole answer as bytes, or the socket's error. No redirects, no proxy.
 * The handler is undici's lowest-level one: one timer per call for the overall deadline and the
 * size cap checked per chunk, both ending the exchange through the controller (cheaper than an
 * AbortSignal per call, which a job's thousands of log lines would each pay for).
 */
function send(
  pool: Pool,
  request: Dispatcher.DispatchOptions,
  maxContentLength: number,
  timeoutMs: number,
  deadline: { passed: boolean },
): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let status = 0;
    let controller: Dispatcher.DispatchController | undefined;
    const timer = setTimeout(() => {
      deadline.passed = true;
      const error = Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
      if (controller) controller.abort(error);
      else reject(error);
    }, timeoutMs);
    pool.dispatch(request, {
      onRequestStart(started) {
        controller = started;
      },
      onResponseStart(_controller, statusCode) {
        status = statusCode;
      },
      onResponseData(current, chunk) {
        size += chunk.length;
        if (size > maxContentLength) current.abort(new TooLarge(`answer larger than ${maxContentLength} bytes`));
        else chunks.push(chunk);
      },
      onResponseEnd() {
        clearTimeout(timer);
        resolve({ status, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
      },
      onResponseError(_controller, error) {
        clearTimeout(timer);
        reject(error);
      },
    });
  });
}

function formBody(body: string): { type: string; data: string; length: number } {
  return { type: 'application/x-www-form-urlencoded', data: body, length: Buffer.byteLength(body) };
}

/** Multipart FormData encoded by the platform (boundary and all). */
async function multipartBody(body: FormData | undefined): Promise<{ type: string; data: Buffer; length: number } | undefined> {
  if (body === undefined) return undefined;
  const encoded = new Response(body);
  const data = Buffer.from(await encoded.arrayBuffer());
  return { type: encoded.headers.get('content-type') ?? 'multipart/form-data', data, length: data.length };
}
