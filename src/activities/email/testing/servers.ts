import { createRequire } from 'node:module';
import type { AddressInfo, Server } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * Real mail servers on 127.0.0.1 (port 0) for the email block tests: `smtp-server` capturing every
 * message it accepts, and Hoodiecrow, a complete IMAP4rev1 server keeping one mailbox in memory.
 */

export type CapturedMail = { envelope: { from: string; to: string[] }; user: string | undefined; mail: ParsedMail };

export type SmtpOptions = { secure?: boolean; users?: Record<string, string>; startTls?: boolean };

export async function startSmtp(options: SmtpOptions = {}): Promise<{ port: number; received: CapturedMail[]; close(): Promise<void> }> {
  const received: CapturedMail[] = [];
  const users = options.users;
  const server = new SMTPServer({
    secure: options.secure === true,
    authOptional: users === undefined,
    allowInsecureAuth: true,
    disabledCommands: options.startTls === false ? ['STARTTLS'] : [],
    logger: false,
    onAuth(auth, _session, done) {
      if (users && users[auth.username ?? ''] === auth.password) return done(null, { user: auth.username });
      done(new Error('Invalid username or password'));
    },
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            user: typeof session.user === 'string' ? session.user : undefined,
            mail,
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = ((server as unknown as { server: Server }).server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type ImapMessage = { raw: string; flags?: string[]; internaldate?: string };

type Hoodiecrow = { listen(port: number, host: string, done: () => void): void; close(done: () => void): void; server: Server };
// Hoodiecrow is CommonJS without types: this is the part of its API the tests use.
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as (options: object) => Hoodiecrow;

export async function startImap(options: { user: string; password: string; inbox: ImapMessage[]; folders?: Record<string, ImapMessage[]> }) {
  // Hoodiecrow keeps flags in the message objects it is given: each server gets its own copies.
  const mailbox = structuredClone({ inbox: options.inbox, folders: options.folders ?? {} });
  const server = hoodiecrow({
    plugins: ['ID', 'ENABLE', 'UNSELECT', 'IDLE', 'SASL-IR', 'AUTH-PLAIN', 'LITERALPLUS', 'NAMESPACE', 'SPECIAL-USE'],
    users: { [options.user]: { password: options.password } },
    storage: {
      INBOX: { messages: mailbox.inbox },
      '': {
        separator: '/',
        folders: Object.fromEntries(Object.entries(mailbox.folders).map(([name, messages]) => [name, { messages }])),
      },
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A raw RFC 5322 message with a text part and one attachment. */
export function rawMessage(m: { from: string; to: string; subject: string; date: string; text: string; attachment?: { name: string; content: string } }): string {
  const head = `From: ${m.from}\r\nTo: ${m.to}\r\nSubject: =?UTF-8?B?${Buffer.from(m.subject).toString('base64')}?=\r\nDate: ${m.date}\r\nMIME-Version: 1.0\r\n`;
  if (!m.attachment) return `${head}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(m.text).toString('base64')}\r\n`;
  return (
    `${head}Content-Type: multipart/mixed; boundary="b1"\r\n\r\n` +
    `--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(m.text).toString('base64')}\r\n` +
    `--b1\r\nContent-Type: application/octet-stream; name="${m.attachment.name}"\r\nContent-Disposition: attachment; filename="${m.attachment.name}"\r\n` +
    `Content-Transfer-Encoding: base64\r\n\r\n${Buffer.from(m.attachment.content).toString('base64')}\r\n--b1--\r\n`
  );
}
