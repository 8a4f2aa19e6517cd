import type { AddressObject } from 'mailparser';
import { makeTable } from '../../scenario/values.js';
import { BlockError, defineBlock, param } from '../define.js';
import { loadImapFlow, loadMailParser } from '../libraries.js';
import { saveAttachments } from './lib/attachments.js';
import { checkServer, describeMailError, serverParams } from './lib/connection.js';

export type ReadMessage = {
  uid: number;
  from: string;
  to: string;
  cc: string;
  subject: string;
  date: Date | null;
  text: string;
  html: string;
  attachments: string[];
};

const COLUMNS = ['uid', 'from', 'to', 'cc', 'subject', 'date', 'text', 'attachments'];

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (value === undefined) return '';
  // "Name <address>" as people write it (mailparser's `text` quotes every name).
  return (Array.isArray(value) ? value : [value])
    .flatMap((a) => a.value)
    .map((v) => (v.name ? `${v.name} <${v.address ?? ''}>` : (v.address ?? '')))
    .join(', ');
}

export const readEmail = defineBlock({
  type: 'email.read',
  category: 'email',
  title: { en: 'Read e-mail', ru: 'Прочитать почту' },
  help: {
    en: 'Reads messages from a mailbox folder over IMAP, newest first: sender, recipients, subject, date, text, and the attachments saved to a folder. Gives a list of messages and the same as a table.',
    ru: 'Читает письма из папки почтового ящика по IMAP, начиная с самых новых: отправитель, получатели, тема, дата, текст и вложения, сохранённые в папку. Возвращает список писем и те же данные в виде таблицы.',
  },
  params: {
    ...serverParams(993, 'IMAP'),
    folder: param.text({ title: { en: 'Mail folder', ru: 'Папка почты' }, default: 'INBOX', key: true }),
    unreadOnly: param.boolean({ title: { en: 'Unread only', ru: 'Только непрочитанные' }, default: true }),
    limit: param.number({ title: { en: 'At most', ru: 'Не больше' }, help: { en: 'How many of the newest messages to read.', ru: 'Сколько самых новых писем прочитать.' }, default: 10 }),
    markSeen: param.boolean({ title: { en: 'Mark as read', ru: 'Пометить прочитанными' }, default: false }),
    attachmentsFolder: param.folderPath({
      title: { en: 'Save attachments to', ru: 'Сохранять вложения в' },
      help: { en: 'Empty: attachments are not saved.', ru: 'Пусто — вложения не сохраняются.' },
    }),
  },
  outputs: {
    messages: { type: 'list', title: { en: 'Messages', ru: 'Письма' } },
    table: { type: 'table', title: { en: 'Messages as a table', ru: 'Письма таблицей' } },
  },
  async run(ctx, p) {
    const server = checkServer(p, 993);
    if (!server.auth) throw new BlockError('Parameter "user" (the mailbox login) is empty', 'BAD_INPUT');
    if (server.auth.pass) ctx.secret(server.auth.pass);
    const folder = typeof p.folder === 'string' && p.folder.trim() !== '' ? p.folder.trim() : 'INBOX';
    const limit = p.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1) throw new BlockError(`Parameter "limit" must be a whole number from 1, got ${JSON.stringify(p.limit)}`, 'BAD_INPUT');
    const saveTo = p.attachmentsFolder ? ctx.resolvePath(p.attachmentsFolder) : undefined;

    const [ImapFlow, simpleParser] = await Promise.all([loadImapFlow(), loadMailParser()]);
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: server.security === 'tls',
      doSTARTTLS: server.security === 'starttls' ? true : server.security === 'none' ? false : undefined,
      auth: server.auth,
      tls: { rejectUnauthorized: server.rejectUnauthorized },
      logger: false,
      connectionTimeout: server.timeoutMs,
      greetingTimeout: server.timeoutMs,
      socketTimeout: server.timeoutMs,
    });
    // A dropped connection is reported by the failing call; without a listener it would crash the runner.
    client.on('error', () => {});
    const onAbort = () => client.close();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    try {
      await client.connect();
      const lock = await client.getMailboxLock(folder).catch((error: Error & { responseText?: string }) => {
        throw new BlockError(`Mail folder "${folder}" cannot be opened on ${server.host}: ${error.responseText ?? error.message}`, 'NOT_FOUND');
      });
      try {
        const found = (await client.search(p.unreadOnly === false ? { all: true } : { seen: false }, { uid: true })) || [];
        const uids = found.sort((a, b) => b - a).slice(0, limit);
        const messages: ReadMessage[] = [];
        if (uids.length > 0) {
          for await (const item of client.fetch(uids, { uid: true, source: true }, { uid: true })) {
            if (!item.source) continue;
            const mail = await simpleParser(item.source);
            messages.push({
              uid: item.uid,
              from: addressText(mail.from),
              to: addressText(mail.to),
              cc: addressText(mail.cc),
              subject: mail.subject ?? '',
              date: mail.date ?? null,
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              attachments: saveTo ? await saveAttachments(saveTo, mail.attachments) : [],
            });
          }
          if (p.markSeen === true) await client.messageFlagsAdd(uids, ['\\Seen'], { uid: true });
        }
        messages.sort((a, b) => b.uid - a.uid);
        ctx.log('info', `Read ${messages.length} message(s) from ${folder} on ${server.host}`);
        const rows = messages.map(({ html: _html, ...m }) => ({ ...m, attachments: m.attachments.join('; ') }));
        return { outputs: { messages, table: makeTable(COLUMNS, rows) } };
      } finally {
        lock.release();
      }
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
      throw describeMailError(error, 'IMAP', server);
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      await client.logout().catch(() => client.close());
    }
  },
});
