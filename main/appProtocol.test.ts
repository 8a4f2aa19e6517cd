import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appResponse } from './appProtocol.js';

let root: string;
let rendererDir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-app-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(join(rendererDir, 'assets', 'ui.css'), 'body{}');
  await writeFile(join(root, 'private.txt'), 'not for the page');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('serves the built renderer with the CSP and content types', async () => {
    const page = await appResponse(rendererDir, 'app://cairn/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect((await appResponse(rendererDir, 'app://cairn/assets/ui.css')).headers['Content-Type']).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('refuses other hosts and anything outside the renderer folder', async () => {
    expect((await appResponse(rendererDir, 'app://other/index.html')).status).toBe(404);
    for (const url of [
      'app://cairn/%2e%2e/private.txt',
      'app://cairn/assets/..%2f..%2fprivate.txt',
      'app://cairn/..%5cprivate.txt',
    ]) {
      const reply = await appResponse(rendererDir, url);
      expect(reply.status, url).toBeGreaterThanOrEqual(400);
      expect(String(reply.body)).not.toContain('not for the page');
    }
  });
});
