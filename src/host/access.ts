import type { IncomingMessage } from 'node:http';
import { checkRequest, readCookie, tokenCookieName, type GuardVerdict } from './requestGuard.js';

export const LOOPBACK = '127.0.0.1';

/** The host's door: its per-start token and port (known once it listens), and the page's CSP. */
export type HostAccess = { token: string; port: number; csp: string };

/** The request's URL and whether it may come in: loopback Host and Origin, and the token. */
export function admit(access: HostAccess, req: IncomingMessage, upgrade: boolean): { url: URL; verdict: GuardVerdict } {
  const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
  // The page's own scripts and assets carry no token in the URL: the cookie set with the page does.
  const token = url.searchParams.get('token') ?? readCookie(req.headers.cookie, tokenCookieName(access.port));
  const verdict = checkRequest({ host: req.headers.host, origin: req.headers.origin, token, upgrade }, { port: access.port, token: access.token });
  return { url, verdict };
}
