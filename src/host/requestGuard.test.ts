import { describe, expect, it } from 'vitest';
import { checkRequest, readCookie } from './requestGuard.js';

const expected = { port: 4321, token: 'secret-token' };
const good = {
  host: '127.0.0.1:4321',
  origin: 'http://127.0.0.1:4321',
  token: 'secret-token',
  upgrade: true,
};

describe('the host request guard', () => {
  it('lets the page of this host in, by IP or by localhost', () => {
    expect(checkRequest(good, expected)).toEqual({ ok: true });
    expect(
      checkRequest({ ...good, host: 'localhost:4321', origin: 'http://localhost:4321' }, expected),
    ).toEqual({ ok: true });
    // A plain navigation (no Origin) with the token loads the page.
    expect(checkRequest({ ...good, origin: undefined, upgrade: false }, expected)).toEqual({ ok: true });
  });

  it('refuses a rebinding DNS name, another port, or no Host with 421', () => {
    for (const host of ['evil.example:4321', '127.0.0.1:9999', '0.0.0.0:4321', undefined]) {
      expect(checkRequest({ ...good, host }, expected)).toMatchObject({ ok: false, status: 421 });
    }
  });

  it('refuses other origins with 403, and upgrades without an Origin', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:9999', 'null', 'https://127.0.0.1:4321']) {
      expect(checkRequest({ ...good, origin }, expected)).toMatchObject({ ok: false, status: 403 });
    }
    expect(checkRequest({ ...good, origin: undefined }, expected)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a missing, wrong or truncated token with 401', () => {
    for (const token of [undefined, '', 'wrong', 'secret-toke', 'secret-token-and-more']) {
      expect(checkRequest({ ...good, token }, expected)).toMatchObject({ ok: false, status: 401 });
    }
  });

  it('reads the token cookie among others', () => {
    expect(readCookie('a=1; cairn_token_4321=abc=; b=2', 'cairn_token_4321')).toBe('abc=');
    expect(readCookie(undefined, 'x')).toBeUndefined();
  });
});
