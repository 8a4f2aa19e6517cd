// Test support: records every module this process loads — ES modules as the loader resolves them,
// CommonJS ones from require.cache at exit — one path or URL a line, appended to the file named
// by $CAIRN_RECORD_LOADS. Use: NODE_OPTIONS="--import=<abs path of this file>" (forked runners inherit it).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.CAIRN_RECORD_LOADS;
if (file) {
  register('./record-loads-hooks.js', import.meta.url, { data: { file } });
  process.on('exit', () => appendFileSync(file, `${Object.keys(createRequire(import.meta.url).cache).join('\n')}\n`));
}
