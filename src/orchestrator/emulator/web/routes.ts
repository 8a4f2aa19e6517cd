import type { RouteDef } from '../context.js';
import { fail, isLoopback, type Reply } from '../http.js';
import { pageScript } from './page.js';
import { PAGE_CSS } from './style.js';

/**
 * `GET /`: the emulator's web page (RU/EN), over the admin API, so loopback only like it. The
 * script is built once per process from page.ts.
 */

const html = (): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cairn Orchestrator emulator</title>
<link rel="icon" href="data:,">
<style>${PAGE_CSS}</style>
</head>
<body>
<noscript>This page needs JavaScript. The JSON admin API is at /admin/… (docs/orchestrator-api.md).</noscript>
<script src="/ui/page.js"></script>
</body>
</html>
`;

let script: Buffer | undefined;

export function webRoutes(): RouteDef[] {
  const page = (build: () => Reply): RouteDef['handle'] => (req) => {
    if (!isLoopback(req.raw.socket.remoteAddress)) throw fail(403, 'The web page answers on loopback only.');
    return build();
  };
  return [
    {
      methods: ['GET'],
      pattern: /^\/$/,
      handle: page(() => ({ status: 200, bytes: Buffer.from(html(), 'utf8'), contentType: 'text/html; charset=utf-8' })),
    },
    {
      methods: ['GET'],
      pattern: /^\/ui\/page\.js$/,
      handle: page(() => ({ status: 200, bytes: (script ??= Buffer.from(pageScript(), 'utf8')), contentType: 'text/javascript; charset=utf-8' })),
    },
  ];
}
