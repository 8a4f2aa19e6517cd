/**
 * Log delivery bench (`npm run bench:logs`): how long a log line takes from `log()` in a block to
 * the process that started the run, while that block keeps the CPU busy. A real runner process
 * (engine thread + main thread); 20 blocks that each log, then compute for 300 ms without
 * yielding. Bound: every line within 50 ms.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRun } from '../src/engine/runner/index.js';
import { makeScenario } from '../src/engine/testing/scenarios.js';

const BLOCKS = 20;
const BOUND_MS = 50;
const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-logs-'));
const ids = Array.from({ length: BLOCKS }, (_, i) => `b${i}`);
const doc = makeScenario({
  name: 'logs',
  blocks: [
    { id: 'start', type: 'core.start' },
    ...ids.map((id) => ({ id, type: 'core.script', params: { code: `log('${id}'); const end = Date.now() + 300; while (Date.now() < end) {}` } })),
  ],
  links: ['start', ...ids].slice(0, -1).map((from, i) => [from, ids[i]] as const),
});
const file = join(dir, 'logs.scenario.json');
await writeFile(file, JSON.stringify(doc));
const latencies: number[] = [];
const handle = startRun({ target: file });
handle.onEvent((event) => {
  if (event.type === 'log') latencies.push(Date.now() - event.at);
});
const summary = await handle.done;
await rm(dir, { recursive: true, force: true });
if (summary.result !== 'success' || latencies.length !== BLOCKS) throw new Error(`bench run ended ${summary.result} with ${latencies.length} lines`);
const sorted = [...latencies].sort((a, b) => a - b);
const max = sorted.at(-1)!;
console.log(`Log delivery while the logging block computes: ${BLOCKS} lines through a runner process`);
console.log(`  all: ${latencies.join(" ")} ms\n  median ${sorted[Math.floor(BLOCKS / 2)]} ms   max ${max} ms   bound ${BOUND_MS} ms   ${max <= BOUND_MS ? 'OK' : 'OVER'}`);
