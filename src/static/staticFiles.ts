import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticTarget = { file: string; contentType: string } | { error: 400 | 404; message: string };

/**
 * Maps a URL path to a file inside `root`, refusing anything that could leave it: encoded or
 * plain `..`, backslashes, NUL bytes, and (after resolving) any path outside the root.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<StaticTarget> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { error: 400, message: 'Bad URL encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) {
    return { error: 400, message: 'Path not allowed' };
  }
  const base = resolve(root);
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(base, relativePath);
  if (!file.startsWith(base + sep)) return { error: 400, message: 'Path not allowed' };
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return { error: 404, message: `Not found: ${decoded}` };
  return { file, contentType: contentTypeOf(file) };
}
