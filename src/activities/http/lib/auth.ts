import { BlockError, type BlockContext } from '../../define.js';

export type AuthOptions = { auth?: string; username?: string; password?: string; token?: string };

/** Builds the Authorization header for the chosen scheme; secrets are marked for redaction first. */
export function authorizationHeader(ctx: BlockContext, opts: AuthOptions): string | undefined {
  switch (opts.auth ?? 'none') {
    case 'none':
      return undefined;
    case 'basic': {
      if (!opts.username) throw new BlockError('Basic authentication needs a login (parameter "username")', 'BAD_INPUT');
      const password = opts.password ?? '';
      if (password) ctx.secret(password);
      const encoded = Buffer.from(`${opts.username}:${password}`, 'utf8').toString('base64');
      ctx.secret(encoded);
      return `Basic ${encoded}`;
    }
    case 'bearer': {
      if (!opts.token) throw new BlockError('Bearer authentication needs a token (parameter "token")', 'BAD_INPUT');
      ctx.secret(opts.token);
      return `Bearer ${opts.token}`;
    }
    default:
      throw new BlockError(`Unknown authentication "${opts.auth}": use none, basic or bearer`, 'BAD_INPUT');
  }
}
