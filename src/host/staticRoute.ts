import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hardeningHeaders } from '../static/csp.js';
import { resolveStatic } from '../static/staticFiles.js';
import { admit, type HostAccess } from './access.js';
import { tokenCookieName } from './requestGuard.js';

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...hardeningHeaders,
  });
  res.end(`${message}\n`);
}

async function serve(access: HostAccess, rendererDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { url, verdict } = admit(access, req, false);
  if (!verdict.ok) return refuse(res, verdict.status, verdict.message);
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
  const target = await resolveStatic(rendererDir, url.pathname);
  if ('error' in target) {
    if (url.pathname === '/' && target.error === 404) {
      return refuse(
        res,
        503,
        `The Designer UI is not built (${rendererDir} is missing). Run: npm run build:renderer`,
      );
    }
    return refuse(res, target.error, target.message);
  }
  const headers: Record<string, string> = {
    'Content-Type': target.contentType,
    'Content-Security-Policy': access.csp,
    'Cache-Control': 'no-store',
    ...hardeningHeaders,
  };
  // The page's own scripts and assets carry no token: a cookie (HttpOnly, this port only) does.
  if (url.searchParams.has('token')) {
    headers['Set-Cookie'] = `${tokenCookieName(access.port)}=${access.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(target.file).pipe(res);
}

/** The built renderer's files, GET and HEAD only, to a request that passes the door. */
export function staticRoute(access: HostAccess, rendererDir: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    serve(access, rendererDir, req, res).catch((error: unknown) => refuse(res, 500, `Cairn host error: ${(error as Error).message}`));
  };
}
