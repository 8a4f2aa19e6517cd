/**
 * The Content-Security-Policy of the Designer UI, shared by the browser host (HTTP header) and
 * the Electron shell (response header on the app:// protocol). Pure, so it is unit-tested.
 *
 * - Scripts only from the app itself: no inline script, no eval, no CDN.
 * - Inline STYLES are allowed: React Flow positions nodes and Monaco themes itself with style
 *   attributes; style injection cannot run code.
 * - Workers from the app or blob: (Monaco's language workers).
 * - Network only back to the app's own origin (browser mode: its WebSocket on the same port).
 */
export type CspTarget = { mode: 'browser'; origin: string } | { mode: 'electron' };

export function contentSecurityPolicy(target: CspTarget): string {
  const connect = ["'self'"];
  if (target.mode === 'browser') connect.push(target.origin.replace(/^http/, 'ws'));
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Headers every response of the app carries, beside the CSP. */
export const hardeningHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
