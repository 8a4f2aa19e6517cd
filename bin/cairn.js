#!/usr/bin/env node
// The `cairn` command: runs the built core (dist/core/cli.js), building it first when it is
// missing or older than its sources (right after `npm ci`, or after an edit), so the CLI never
// runs stale code. The check is a few hundred stat calls; esbuild loads only to build.
import { existsSync } from 'node:fs';
import { buildIsFresh, outDir } from '../scripts/buildStamp.js';

if (!buildIsFresh()) {
  try {
    const { ensureBuilt } = await import('../scripts/build.js');
    await ensureBuilt();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (!existsSync(`${outDir}/cli.js`)) {
      console.error(`cairn: cannot build the core into ${outDir} (${why}). Install the dev dependencies (npm ci) and run "npm run build".`);
      process.exit(1);
    }
    console.error(`cairn: warning: ${outDir} is older than the sources and could not be rebuilt (${why}); running it as it is.`);
  }
}
const { main } = /** @type {typeof import('../src/cli/main.js')} */ (await import('../dist/core/cli.js'));
process.exitCode = await main(process.argv.slice(2));
