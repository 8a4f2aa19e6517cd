import { describe, expect, it } from 'vitest';
import { REDACTED } from '../scenario/values.js';
import { Redactor } from './redact.js';
import { chain, makeScenario, runScenario } from './testing/scenarios.js';

const SECRETS = ['Tok-"abc\\def-123', 'pass word with spaces', 'Пароль-Секрет-42', 'a.b*c+(d)?[e]$^|{f}\\1', "it's\t\"quoted\"\n"];

/** Every way a script or a library commonly turns a secret into text. */
function leaks(secret: string): Record<string, string> {
  return {
    raw: `value ${secret} end`,
    json: JSON.stringify({ pw: secret }),
    jsonTwice: JSON.stringify(JSON.stringify({ pw: secret })),
    jsonString: `bad password ${JSON.stringify(secret)}`,
    url: `https://x.test/login?u=me&p=${encodeURIComponent(secret)}&x=1`,
    form: new URLSearchParams({ user: 'me', password: secret }).toString(),
    base64: Buffer.from(secret).toString('base64'),
    basicAuth: `Authorization: Basic ${Buffer.from(`someone:${secret}`).toString('base64')}`,
    basicAuth2: `Basic ${Buffer.from(`me:${secret}`).toString('base64')}`,
    base64url: Buffer.from(`x${secret}`).toString('base64url'),
  };
}

/** Forms a reader could decode the secret from. */
function recoverable(text: string, secret: string): boolean {
  if (text.includes(secret)) return true;
  const json = JSON.stringify(secret).slice(1, -1);
  if (text.includes(json) || text.includes(JSON.stringify(json).slice(1, -1))) return true;
  if (text.includes(encodeURIComponent(secret))) return true;
  for (const match of text.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
    for (const encoding of ['base64', 'base64url'] as const) {
      if (Buffer.from(match, encoding).toString('utf8').includes(secret)) return true;
    }
  }
  try {
    if (decodeURIComponent(text.replace(/\+/g, ' ')).includes(secret)) return true;
  } catch {
    // not URL-encoded text
  }
  return false;
}

describe('Redactor', () => {
  for (const secret of SECRETS) {
    it(`hides every form of ${JSON.stringify(secret)}`, () => {
      const redactor = new Redactor();
      redactor.add(secret);
      for (const [form, text] of Object.entries(leaks(secret))) {
        expect(recoverable(text, secret), `${form} leaks before redaction`).toBe(true);
        const out = redactor.text(text);
        expect(recoverable(out, secret), `${form}: ${out}`).toBe(false);
        expect(out, form).toContain(REDACTED);
      }
    });
  }

  it('leaves ordinary text alone', () => {
    const redactor = new Redactor();
    redactor.add('Tok-"abc\\def-123');
    expect(redactor.text('Invoice 42 sent to Ivanov, total 1,200.00 ₽')).toBe('Invoice 42 sent to Ivanov, total 1,200.00 ₽');
  });
});

describe('a run redacts what its scripts make of a secret', () => {
  it('log lines, the error message and the stack', async () => {
    const secret = SECRETS[0];
    const doc = makeScenario({
      variables: [{ name: 'pw', type: 'secret', default: secret }],
      blocks: [
        { id: 'start', type: 'core.start' },
        {
          id: 'leak',
          type: 'core.script',
          params: {
            code: [
              'log(JSON.stringify({ pw }));',
              'log(encodeURIComponent(pw));',
              "log('Basic ' + Buffer.from('me:' + pw).toString('base64'));",
              'log({ nested: { pw } });',
              "throw new Error('login failed for ' + JSON.stringify(pw));",
            ].join('\n'),
          },
        },
      ],
      links: chain('start', 'leak'),
    });
    const { summary, events, logs } = await runScenario(doc);
    expect(summary.result).toBe('failed');
    expect(logs).toHaveLength(4);
    const everything = JSON.stringify(events) + JSON.stringify(summary);
    for (const text of [...logs, summary.error!.message, summary.error!.stack ?? '', everything]) {
      expect(recoverable(text, secret), text).toBe(false);
    }
    expect(summary.error!.message).toContain(REDACTED);
  });
});
