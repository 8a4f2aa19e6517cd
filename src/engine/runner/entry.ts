import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsFresh, outDir, readStamp, root } from '../../../scripts/buildStamp.js';

/** How to start a process (or worker) from one of Cairn's entry points. */
export type EntryPoint = { file: string; execArgv: string[] };

const FRESHNESS_CACHE_MS = 1000;
let checkedAt = -Infinity;
let fresh = false;

/**
 * Where an entry point's code is. Pass `new URL('./child.ts', import.meta.url)`: in the built
 * core (dist/core) the build has already rewritten it to the output file, which runs as is. From
 * sources (tests, development) the same built file is used while dist/core is the build of the
 * current sources, so a forked runner does not compile TypeScript again; otherwise the source
 * runs through tsx.
 */
export function entryPoint(url: URL): EntryPoint {
  const file = fileURLToPath(url);
  if (!file.endsWith('.ts')) return { file, execArgv: [] };
  const now = performance.now();
  if (now - checkedAt > FRESHNESS_CACHE_MS) {
    fresh = buildIsFresh();
    checkedAt = now;
  }
  const built = fresh ? readStamp()?.entries[relative(root, file).split('\\').join('/')] : undefined;
  if (built !== undefined) return { file: `${outDir}/${built}`, execArgv: [] };
  // An absolute loader URL, so the process starts whatever the current directory is.
  return { file, execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] };
}
