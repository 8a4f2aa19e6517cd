import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.js';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('the Content-Security-Policy', () => {
  it('allows scripts only from the app itself: no inline, no eval, no remote', () => {
    for (const policy of [
      contentSecurityPolicy({ mode: 'electron' }),
      contentSecurityPolicy({ mode: 'browser', origin: 'http://127.0.0.1:5000' }),
    ]) {
      const d = directives(policy);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    }
  });

  it('lets the browser-mode page reach only its own WebSocket', () => {
    const d = directives(contentSecurityPolicy({ mode: 'browser', origin: 'http://127.0.0.1:5000' }));
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5000']);
    expect(directives(contentSecurityPolicy({ mode: 'electron' })).get('connect-src')).toEqual(["'self'"]);
  });
});
