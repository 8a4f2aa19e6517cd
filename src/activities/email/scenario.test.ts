import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Integration test: the real engine runs a scenario with these blocks (production code never imports it).
import { chain, makeScenario, runScenario } from '../../engine/testing/scenarios.js';
import { rawMessage, startImap, startSmtp } from './testing/servers.js';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let imap: Awaited<ReturnType<typeof startImap>>;
beforeAll(async () => {
  smtp = await startSmtp({ startTls: false });
  imap = await startImap({
    user: 'robot',
    password: 'imap-secret',
    inbox: [{ raw: rawMessage({ from: 'Bob <bob@example.com>', to: 'robot@example.com', subject: 'Invoice 7', date: 'Tue, 03 Nov 2026 10:00:00 +0000', text: 'Amount: 700' }) }],
  });
});
afterAll(async () => {
  await smtp.close();
  await imap.close();
});

describe('email blocks in a scenario run by the engine', () => {
  it('reads a message, forwards its subject, and sends a wrong login down the error port', async () => {
    const imapServer = { host: '127.0.0.1', port: imap.port, security: 'none', user: 'robot' };
    const doc = makeScenario({
      variables: [
        { name: 'inbox', type: 'list' },
        { name: 'problem', type: 'any', direction: 'out' },
      ],
      blocks: [
        { id: 'start', type: 'core.start' },
        { id: 'read', type: 'email.read', params: { ...imapServer, password: 'imap-secret' }, outputs: { messages: 'inbox' } },
        {
          id: 'send',
          type: 'email.send',
          params: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'robot@example.com', to: 'boss@example.com', subject: { expr: "'Fwd: ' + inbox[0].subject" }, text: { expr: 'inbox[0].text' } },
        },
        { id: 'badLogin', type: 'email.read', params: { ...imapServer, password: 'not-the-password' }, onError: 'handle', errorVariable: 'problem' },
        { id: 'handled', type: 'core.log', params: { message: 'login refused' } },
      ],
      links: [...chain('start', 'read', 'send', 'badLogin'), ['badLogin', 'handled', 'error']],
    });
    const { summary, logs } = await runScenario(doc);
    expect(summary.error).toBeUndefined();
    expect(smtp.received.map((r) => [r.envelope.to, r.mail.subject, r.mail.text?.trim()])).toEqual([[['boss@example.com'], 'Fwd: Invoice 7', 'Amount: 700']]);
    expect(summary.outputs.problem).toMatchObject({ blockId: 'badLogin', code: 'AUTH_FAILED' });
    expect(logs.join('\n')).toContain('login refused');
  });
});
