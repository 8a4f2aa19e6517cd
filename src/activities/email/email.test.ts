import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTable } from '../../scenario/values.js';
import { createHarness, expectBlockError, type Harness } from '../testing/harness.js';
import { readEmail, type ReadMessage } from './read.js';
import { sendEmail } from './send.js';
import { rawMessage, startImap, startSmtp } from './testing/servers.js';

let h: Harness;
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await h.close();
});

/** A port nobody listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that accepts connections and never says a word; calls `onConnection` for each. */
async function silentServer(onConnection: () => void = () => {}): Promise<number> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as AddressInfo).port;
}

describe('mail servers that do not answer', () => {
  it('a silent SMTP server is a timeout naming the server', async () => {
    const port = await silentServer();
    await expectBlockError(
      h.run(sendEmail, { host: '127.0.0.1', port, security: 'none', timeoutMs: 300, from: 'robot@example.com', to: 'anna@example.com', text: 'x' }),
      new RegExp(`SMTP server 127.0.0.1:${port} did not answer within 300 ms`),
      'TIMEOUT',
    );
  });

  it('stopping the run ends a read that waits for a silent IMAP server', async () => {
    const port = await silentServer(() => h.controller.abort(new Error('run stopped')));
    await expect(h.run(readEmail, { host: '127.0.0.1', port, security: 'none', user: 'robot', password: 'x' })).rejects.toThrow('run stopped');
  });
});

describe('email.send over a real SMTP server', () => {
  it('sends text, HTML, copies, hidden copies and attachments over STARTTLS with a login, and masks the password', async () => {
    const smtp = await startSmtp({ users: { robot: 'p@ss-smtp' } });
    closers.push(smtp.close);
    await writeFile(join(h.projectDir, 'report.csv'), 'id;sum\n1;100\n');
    const result = await h.run(sendEmail, {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'starttls',
      allowInvalidCertificate: true,
      user: 'robot',
      password: 'p@ss-smtp',
      from: 'Robot <robot@example.com>',
      to: 'anna@example.com, boris@example.com',
      cc: ['chief@example.com'],
      bcc: 'audit@example.com',
      subject: 'Отчёт за ноябрь',
      text: 'See the attached report',
      html: '<p>See the <b>attached</b> report</p>',
      attachments: ['report.csv'],
    });
    expect(smtp.received).toHaveLength(1);
    const { envelope, user, mail } = smtp.received[0];
    expect(user).toBe('robot');
    expect(envelope.to.sort()).toEqual(['anna@example.com', 'audit@example.com', 'boris@example.com', 'chief@example.com']);
    expect(mail.subject).toBe('Отчёт за ноябрь');
    expect(mail.text?.trim()).toBe('See the attached report');
    expect(mail.html).toContain('<b>attached</b>');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['report.csv', 'id;sum\n1;100\n']]);
    expect(result).toEqual({ outputs: { messageId: mail.messageId, accepted: expect.arrayContaining(['anna@example.com', 'audit@example.com']) } });
    h.ctx.log('info', 'password p@ss-smtp');
    expect(h.logs.map((l) => l.message).join('\n')).not.toContain('p@ss-smtp');
  });

  it('takes recipients as RFC 5322 address lists: a comma inside a quoted name is part of the name', async () => {
    const smtp = await startSmtp();
    closers.push(smtp.close);
    await h.run(sendEmail, {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      from: '"Robot, Cairn" <robot@example.com>',
      to: '"Ivanov, Ivan" <ivan@example.com>; Пётр Петров <petr@example.com>, boris@example.com',
      cc: ['"Chief; Office" <chief@example.com>'],
      subject: 'names',
      text: 'x',
    });
    const { envelope, mail } = smtp.received[0];
    expect(envelope.to.sort()).toEqual(['boris@example.com', 'chief@example.com', 'ivan@example.com', 'petr@example.com']);
    expect(mail.to).toMatchObject({ value: [{ name: 'Ivanov, Ivan', address: 'ivan@example.com' }, { name: 'Пётр Петров', address: 'petr@example.com' }, { name: '', address: 'boris@example.com' }] });
    expect(mail.from).toMatchObject({ value: [{ name: 'Robot, Cairn', address: 'robot@example.com' }] });
  });

  it('sends over implicit TLS (port 465 style)', async () => {
    const smtp = await startSmtp({ secure: true });
    closers.push(smtp.close);
    await h.run(sendEmail, { host: '127.0.0.1', port: smtp.port, security: 'tls', allowInvalidCertificate: true, from: 'robot@example.com', to: 'anna@example.com', subject: 'tls', text: 'x' });
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(['tls']);
  });

  it('names the cause: no server, wrong password, untrusted certificate, missing attachment, no recipients', async () => {
    const base = { host: '127.0.0.1', from: 'robot@example.com', to: 'anna@example.com', subject: 's', text: 't' };
    const port = await closedPort();
    await expectBlockError(h.run(sendEmail, { ...base, port, security: 'none' }), new RegExp(`No SMTP server 127.0.0.1:${port} reachable`), 'UNREACHABLE');

    const smtp = await startSmtp({ users: { robot: 'right' } });
    closers.push(smtp.close);
    const at = { ...base, port: smtp.port, security: 'starttls', allowInvalidCertificate: true };
    await expectBlockError(h.run(sendEmail, { ...at, user: 'robot', password: 'wrong' }), /refused the login "robot": wrong login or password/, 'AUTH_FAILED');
    await expectBlockError(h.run(sendEmail, { ...at, allowInvalidCertificate: false, user: 'robot', password: 'right' }), /certificate/, 'TLS');
    await expectBlockError(h.run(sendEmail, { ...at, attachments: 'missing.pdf' }), /Attachment ".*missing.pdf" does not exist/, 'NOT_FOUND');
    await expectBlockError(h.run(sendEmail, { ...at, to: '' }), /no recipients/, 'BAD_INPUT');
    await expectBlockError(h.run(sendEmail, { ...at, to: 'anna at example' }), /"anna at example" is not an e-mail address/, 'BAD_INPUT');
    await expectBlockError(h.run(sendEmail, { ...at, to: 'anna@example.com; boris' }), /"boris" is not an e-mail address/, 'BAD_INPUT');
    await expectBlockError(h.run(sendEmail, { ...at, from: 'robot' }), /Parameter "from": "robot" is not an e-mail address/, 'BAD_INPUT');
    await expectBlockError(h.run(sendEmail, { ...at, port: 70000 }), /Port 70000/, 'BAD_INPUT');
    expect(smtp.received).toHaveLength(0);
  });
});

describe('email.read over a real IMAP server', () => {
  const inbox = [
    { raw: rawMessage({ from: 'Old <old@example.com>', to: 'robot@example.com', subject: 'already read', date: 'Mon, 02 Nov 2026 09:00:00 +0000', text: 'old' }), flags: ['\\Seen'] },
    { raw: rawMessage({ from: 'Bob <bob@example.com>', to: 'robot@example.com', subject: 'Счёт №1', date: 'Tue, 03 Nov 2026 10:00:00 +0000', text: 'Первый счёт', attachment: { name: 'invoice.pdf', content: 'PDF-1' } }) },
    { raw: rawMessage({ from: 'Eve <eve@example.com>', to: 'robot@example.com', subject: 'Invoice 2', date: 'Wed, 04 Nov 2026 11:00:00 +0000', text: 'Second', attachment: { name: 'invoice.pdf', content: 'PDF-2' } }) },
  ];
  async function imap() {
    const server = await startImap({ user: 'robot', password: 'imap-secret', inbox, folders: { Archive: [] } });
    closers.push(server.close);
    return { host: '127.0.0.1', port: server.port, security: 'none', user: 'robot', password: 'imap-secret' };
  }

  it('reads unread messages newest first with their attachments saved, and marks them read when asked', async () => {
    const server = await imap();
    const result = await h.run(readEmail, { ...server, attachmentsFolder: 'mail', markSeen: true });
    const messages = result?.outputs?.messages as ReadMessage[];
    expect(messages.map((m) => [m.from, m.subject, m.text.trim(), m.date?.toISOString()])).toEqual([
      ['Eve <eve@example.com>', 'Invoice 2', 'Second', '2026-11-04T11:00:00.000Z'],
      ['Bob <bob@example.com>', 'Счёт №1', 'Первый счёт', '2026-11-03T10:00:00.000Z'],
    ]);
    // Two attachments with the same name: the newer one does not overwrite the older one.
    const saved = messages.flatMap((m) => m.attachments);
    expect(saved.map((p) => p.slice(h.projectDir.length + 1))).toEqual(['mail/invoice (2).pdf', 'mail/invoice.pdf']);
    expect(await Promise.all(saved.map((p) => readFile(p, 'utf8')))).toEqual(['PDF-2', 'PDF-1']);
    const table = result?.outputs?.table;
    expect(isTable(table) && table.rows.map((r) => r.subject)).toEqual(['Invoice 2', 'Счёт №1']);

    const again = await h.run(readEmail, { ...server });
    expect(again?.outputs?.messages).toEqual([]);
  });

  it('reads all messages up to the limit, leaving them unread by default', async () => {
    const server = await imap();
    const first = await h.run(readEmail, { ...server, unreadOnly: false, limit: 2 });
    expect((first?.outputs?.messages as ReadMessage[]).map((m) => m.subject)).toEqual(['Invoice 2', 'Счёт №1']);
    const unread = await h.run(readEmail, { ...server });
    expect((unread?.outputs?.messages as ReadMessage[]).map((m) => m.attachments)).toEqual([[], []]);
  });

  it('names the cause: wrong password, missing folder, no server, bad limit', async () => {
    const server = await imap();
    await expectBlockError(h.run(readEmail, { ...server, password: 'nope' }), /IMAP server 127.0.0.1:\d+ refused the login "robot"/, 'AUTH_FAILED');
    await expectBlockError(h.run(readEmail, { ...server, folder: 'Nowhere' }), /Mail folder "Nowhere" cannot be opened/, 'NOT_FOUND');
    expect((await h.run(readEmail, { ...server, folder: 'Archive' }))?.outputs?.messages).toEqual([]);
    const port = await closedPort();
    await expectBlockError(h.run(readEmail, { ...server, port }), /No IMAP server 127.0.0.1:\d+ reachable/, 'UNREACHABLE');
    await expectBlockError(h.run(readEmail, { ...server, limit: 0 }), /"limit" must be a whole number/, 'BAD_INPUT');
    await expectBlockError(h.run(readEmail, { ...server, user: '' }), /"user"/, 'BAD_INPUT');
  });
});
