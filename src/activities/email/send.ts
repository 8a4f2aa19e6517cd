import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BlockError, defineBlock, param, type BlockContext } from '../define.js';
import { addressList, singleAddress } from './lib/addresses.js';
import { loadNodemailer } from '../libraries.js';
import { checkServer, describeMailError, serverParams, type Server } from './lib/connection.js';

async function attachmentsOf(ctx: BlockContext, value: unknown): Promise<{ filename: string; path: string }[]> {
  const paths = value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];
  const out: { filename: string; path: string }[] = [];
  for (const raw of paths) {
    if (typeof raw !== 'string' || raw === '') throw new BlockError(`Attachment ${JSON.stringify(raw)} is not a file path`, 'BAD_INPUT');
    const path = ctx.resolvePath(raw);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new BlockError(`Attachment "${path}" does not exist or is not a file`, 'NOT_FOUND');
    out.push({ filename: basename(path), path });
  }
  return out;
}

/** nodemailer reports recipients as texts or as { name, address }. */
function addresses(list: readonly unknown[]): string[] {
  return list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address)));
}

async function transportFor(server: Server) {
  const nodemailer = await loadNodemailer();
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: server.auth,
    tls: { rejectUnauthorized: server.rejectUnauthorized },
    connectionTimeout: server.timeoutMs,
    greetingTimeout: server.timeoutMs,
    socketTimeout: server.timeoutMs,
  });
}

export const sendEmail = defineBlock({
  type: 'email.send',
  category: 'email',
  title: { en: 'Send e-mail', ru: 'Отправить письмо' },
  help: {
    en: 'Sends a message through an SMTP server: plain text and/or HTML, copies and hidden copies, files attached by path. The password is masked in logs.',
    ru: 'Отправляет письмо через SMTP-сервер: обычный текст и/или HTML, копии и скрытые копии, вложения по пути к файлу. Пароль скрывается в журнале.',
  },
  params: {
    ...serverParams(465, 'SMTP'),
    from: param.text({ title: { en: 'From', ru: 'От кого' }, required: true, placeholder: 'Robot <robot@example.com>' }),
    to: param.any({ title: { en: 'To', ru: 'Кому' }, help: { en: 'One address, several separated by commas, or a list.', ru: 'Один адрес, несколько через запятую или список.' }, required: true, key: true }),
    cc: param.any({ title: { en: 'Copy', ru: 'Копия' } }),
    bcc: param.any({ title: { en: 'Hidden copy', ru: 'Скрытая копия' }, advanced: true }),
    subject: param.text({ title: { en: 'Subject', ru: 'Тема' }, default: '' }),
    text: param.multiline({ title: { en: 'Text', ru: 'Текст' } }),
    html: param.code({ title: { en: 'HTML', ru: 'HTML' }, language: 'html', advanced: true }),
    attachments: param.any({ title: { en: 'Attachments', ru: 'Вложения' }, help: { en: 'A file path or a list of paths.', ru: 'Путь к файлу или список путей.' } }),
  },
  outputs: {
    messageId: { type: 'text', title: { en: 'Message-ID', ru: 'Идентификатор письма' } },
    accepted: { type: 'list', title: { en: 'Accepted recipients', ru: 'Принятые получатели' } },
  },
  async run(ctx, p) {
    const server = checkServer(p, 465);
    if (server.auth?.pass) ctx.secret(server.auth.pass);
    const from = singleAddress(p.from, 'from');
    const to = addressList(p.to, 'to');
    const cc = addressList(p.cc, 'cc');
    const bcc = addressList(p.bcc, 'bcc');
    if (to.length + cc.length + bcc.length === 0) throw new BlockError('The message has no recipients: fill in "to"', 'BAD_INPUT');
    const attachments = await attachmentsOf(ctx, p.attachments);

    const transport = await transportFor(server);
    const onAbort = () => transport.close();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const info = await transport.sendMail({
        from,
        to,
        cc,
        bcc,
        subject: p.subject ?? '',
        text: p.text || undefined,
        html: p.html || undefined,
        attachments,
      });
      if (ctx.signal.aborted) throw ctx.signal.reason;
      const accepted = addresses(info.accepted);
      const rejected = addresses(info.rejected);
      if (rejected.length > 0) ctx.log('warn', `The SMTP server refused ${rejected.join(', ')}`);
      ctx.log('info', `Sent "${p.subject ?? ''}" to ${accepted.join(', ')} through ${server.host}:${server.port}`);
      return { outputs: { messageId: info.messageId, accepted } };
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
      throw describeMailError(error, 'SMTP', server);
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
      transport.close();
    }
  },
});
