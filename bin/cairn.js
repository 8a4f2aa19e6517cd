#!/usr/bin/env node
// The `cairn` command: runs the built core (dist/core/cli.js), building it first when it is
// missing or older than its sources (right after `npm ci`, or after an edit), so the CLI never
// runs stale code. The check is a few hundred stat calls; esbuild loads only to build.
import { buildIsFresh } from '../scripts/buildStamp.js';

if (!buildIsFresh()) {
  const { ensureBuilt } = await import('../scripts/build.js');
  await ensureBuilt();
}
const { main } = await import('../dist/core/cli.js');
process.exitCode = await main(process.argv.slice(2));
