import { BlockError, param } from '../../define.js';

/**
 * Server settings shared by the SMTP and IMAP blocks, and the translation of network and
 * protocol failures into errors that tell a user what to fix.
 */

export type Security = 'tls' | 'starttls' | 'none';

export function serverParams(defaultPort: number, protocol: string) {
  return {
    host: param.text({ title: { en: `${protocol} server`, ru: `Сервер ${protocol}` }, required: true, placeholder: `mail.example.com` }),
    port: param.number({ title: { en: 'Port', ru: 'Порт' }, default: defaultPort }),
    security: param.choice<Security>({
      title: { en: 'Encryption', ru: 'Шифрование' },
      default: 'tls',
      choices: [
        { value: 'tls', title: { en: 'TLS from the start (465 / 993)', ru: 'TLS с самого начала (465 / 993)' } },
        { value: 'starttls', title: { en: 'STARTTLS (587 / 143)', ru: 'STARTTLS (587 / 143)' } },
        { value: 'none', title: { en: 'None (local servers only)', ru: 'Без шифрования (только локальные серверы)' } },
      ],
    }),
    user: param.text({ title: { en: 'Login', ru: 'Логин' } }),
    password: param.secret({ title: { en: 'Password', ru: 'Пароль' } }),
    allowInvalidCertificate: param.boolean({
      title: { en: 'Accept any certificate', ru: 'Принимать любой сертификат' },
      help: {
        en: 'Skips the server certificate check (self-signed test servers). Unsafe on real networks.',
        ru: 'Не проверять сертификат сервера (тестовые серверы с самоподписанным сертификатом). Небезопасно в реальной сети.',
      },
      default: false,
      advanced: true,
    }),
    timeoutMs: param.number({ title: { en: 'Timeout, ms', ru: 'Тайм-аут, мс' }, default: 30_000, advanced: true }),
  };
}

export type ServerValues = {
  host: string;
  port?: number;
  security?: Security;
  user?: string;
  password?: string;
  allowInvalidCertificate?: boolean;
  timeoutMs?: number;
};

export type Server = { host: string; port: number; security: Security; auth?: { user: string; pass: string }; rejectUnauthorized: boolean; timeoutMs: number };

export function checkServer(p: ServerValues, defaultPort: number): Server {
  if (typeof p.host !== 'string' || p.host.trim() === '') throw new BlockError('Parameter "host" (the mail server) is empty', 'BAD_INPUT');
  const port = p.port ?? defaultPort;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new BlockError(`Port ${JSON.stringify(p.port)} is not a number from 1 to 65535`, 'BAD_INPUT');
  const security = p.security ?? 'tls';
  if (!['tls', 'starttls', 'none'].includes(security)) throw new BlockError(`Encryption "${security}" is not tls, starttls or none`, 'BAD_INPUT');
  const user = p.user?.trim() ?? '';
  return {
    host: p.host.trim(),
    port,
    security,
    auth: user === '' ? undefined : { user, pass: p.password ?? '' },
    rejectUnauthorized: p.allowInvalidCertificate !== true,
    timeoutMs: p.timeoutMs ?? 30_000,
  };
}

type NetError = Error & { code?: string; responseCode?: number; authenticationFailed?: boolean; response?: string };

/** A failure of a mail call as the user should read it, naming the server and the cause. */
export function describeMailError(error: unknown, protocol: 'SMTP' | 'IMAP', server: Server): BlockError {
  if (error instanceof BlockError) return error;
  const e = (error instanceof Error ? error : new Error(String(error))) as NetError;
  const where = `${protocol} server ${server.host}:${server.port}`;
  const code = e.code ?? '';
  // nodemailer wraps socket errors as ESOCKET; the system code is still in the message.
  const unreachable = /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ECONNRESET)\b/.exec(`${code} ${e.message}`);
  if (unreachable) return new BlockError(`No ${where} reachable (${unreachable[1]}): check the host and port`, 'UNREACHABLE');
  if (code === 'EAUTH' || e.authenticationFailed === true || /AUTHENTICATIONFAILED|authentication failed|invalid credentials/i.test(`${e.message} ${e.response ?? ''}`)) {
    return new BlockError(`${where} refused the login "${server.auth?.user ?? ''}": wrong login or password`, 'AUTH_FAILED');
  }
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT' || /timed? ?out/i.test(e.message)) {
    return new BlockError(`${where} did not answer within ${server.timeoutMs} ms`, 'TIMEOUT');
  }
  if (code === 'ESOCKET' && /certificate|self.signed/i.test(e.message)) {
    return new BlockError(`${where} presented a certificate that cannot be trusted (${e.message}); fix the server or turn on "Accept any certificate"`, 'TLS');
  }
  if (/wrong version number|ssl3_get_record|packet length too long/i.test(e.message)) {
    return new BlockError(`${where} does not speak TLS on this port: try "STARTTLS" or the other port (${e.message})`, 'TLS');
  }
  const detail = e.response ?? e.message;
  return new BlockError(`${where} failed: ${detail}`, code || 'MAIL_FAILED');
}
