import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the browser host. Pure, so every refusal is unit-tested:
 * - Host header must be 127.0.0.1:<port> or localhost:<port> — a page on evil.example that
 *   rebinds its DNS name to 127.0.0.1 still sends `Host: evil.example:<port>` (DNS rebinding);
 * - Origin, when a browser sends one, must be the host's own origin — another site's script can
 *   open a WebSocket to 127.0.0.1 but cannot fake its Origin; WebSocket upgrades MUST carry it;
 * - the per-start random token (query `?token=` or the cookie set when the page loaded).
 */
export type GuardInput = {
  host: string | undefined;
  origin: string | undefined;
  token: string | undefined;
  /** A WebSocket upgrade (browsers always send Origin on those). */
  upgrade: boolean;
};
export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403 | 421; message: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkRequest(input: GuardInput, expected: { port: number; token: string }): GuardVerdict {
  const hosts = allowedHosts(expected.port);
  if (!input.host || !hosts.includes(input.host.toLowerCase())) {
    return { ok: false, status: 421, message: `Cairn host: the Host header must be ${hosts.join(' or ')}` };
  }
  const origins = hosts.map((h) => `http://${h}`);
  if (input.origin !== undefined || input.upgrade) {
    if (!input.origin || !origins.includes(input.origin.toLowerCase())) {
      return {
        ok: false,
        status: 403,
        message: `Cairn host: requests from origin "${input.origin ?? '(none)'}" are refused`,
      };
    }
  }
  if (!sameToken(input.token, expected.token)) {
    return {
      ok: false,
      status: 401,
      message: 'Cairn host: missing or wrong token; open the URL Cairn printed at start',
    };
  }
  return { ok: true };
}

/** The token cookie is per port: cookies ignore ports, and two Cairn hosts must not mix. */
export function tokenCookieName(port: number): string {
  return `cairn_token_${port}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
