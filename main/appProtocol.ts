import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy, hardeningHeaders } from '../src/static/csp.js';
import { resolveStatic } from '../src/static/staticFiles.js';
import { APP_HOST } from './ipc.js';

export type AppResponse = { status: number; headers: Record<string, string>; body: Buffer | string };

const csp = contentSecurityPolicy({ mode: 'electron' });

/**
 * Answers one request of the `app://cairn/…` protocol from the built renderer folder, with the
 * same CSP and traversal rules as the browser host. Pure Node, so it is tested without Electron.
 */
export async function appResponse(rendererDir: string, requestUrl: string): Promise<AppResponse> {
  const url = new URL(requestUrl);
  const text = (status: number, body: string): AppResponse => ({
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...hardeningHeaders },
    body,
  });
  if (url.host !== APP_HOST) return text(404, 'Unknown app host');
  const target = await resolveStatic(rendererDir, url.pathname);
  if ('error' in target) {
    if (url.pathname === '/index.html' && target.error === 404) {
      return text(503, `The Designer UI is not built (${rendererDir}); run: npm run build:renderer`);
    }
    return text(target.error, target.message);
  }
  return {
    status: 200,
    headers: { 'Content-Type': target.contentType, 'Content-Security-Policy': csp, ...hardeningHeaders },
    body: await readFile(target.file),
  };
}
