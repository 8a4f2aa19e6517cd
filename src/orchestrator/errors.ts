/**
 * Errors a user can act on. Each names the Orchestrator and the call, says what happened in plain
 * words, and carries a `kind` code can branch on (retry later, fix the GUID, turn TLS checks off…).
 */

export type OrchestratorErrorKind =
  /** No connection: refused, DNS, reset, network down. Retried. */
  | 'unreachable'
  /** The certificate was refused (self-signed, expired, wrong host). Not retried. */
  | 'tls'
  /** HTTP 401/403: the GUID is not accepted as a credential. */
  | 'unauthorized'
  /** Code 101: the Orchestrator does not know this robot's GUID. */
  | 'robotUnknown'
  /** HTTP 404: the asset, task, process or version does not exist. */
  | 'notFound'
  /** Any other 4xx, or an error code in the answer: the request itself was refused. Not retried. */
  | 'rejected'
  /** 2xx but not JSON where JSON was expected (a proxy's HTML page, a truncated answer). */
  | 'notJson'
  /** The answer is bigger than the configured cap. */
  | 'tooLarge'
  /** No complete answer within the timeout. Retried. */
  | 'timeout'
  /** HTTP 5xx. Retried. */
  | 'server';

export class OrchestratorError extends Error {
  readonly kind: OrchestratorErrorKind;
  /** HTTP status when there was an answer. */
  readonly status: number | undefined;
  /** The call's name in the path table, e.g. `heartbeat`. */
  readonly call: string;
  readonly url: string;

  constructor(init: {
    kind: OrchestratorErrorKind;
    call: string;
    url: string;
    message: string;
    status?: number;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.name = 'OrchestratorError';
    this.kind = init.kind;
    this.status = init.status;
    this.call = init.call;
    this.url = init.url;
  }

  /** Worth trying again later: the Orchestrator may come back (used by retries and the outbox). */
  get transient(): boolean {
    return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'server';
  }
}

export function isOrchestratorError(error: unknown, kind?: OrchestratorErrorKind): error is OrchestratorError {
  return error instanceof OrchestratorError && (kind === undefined || error.kind === kind);
}

/** The first characters of a body, on one line, for an error message. */
export function preview(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

export function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'));
}
