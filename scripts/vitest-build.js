// Vitest global setup: builds dist/core once before the tests when it is stale, so CLI tests do
// not race to build it and forked runners start from the built runner instead of compiling
// TypeScript through tsx in every process (src/engine/runner/entry.ts).
import { ensureBuilt } from './build.js';

export default async function setup() {
  await ensureBuilt();
}
