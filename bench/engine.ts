/**
 * Engine benchmark (`npm run bench:engine`): a generated scenario of assign + if blocks looping
 * until 1,000,000 blocks have run, in run mode and in debug mode (no breakpoints), against the
 * same work as a plain JavaScript loop. Medians of several runs, in-process, no tracing.
 * Time is this process's CPU time (user + system), not wall time: the build machine is shared,
 * and wall time would measure the neighbours.
 */
import { makeScenario, runScenario, startScenario } from '../src/engine/testing/scenarios.js';
import type { Scenario } from '../src/scenario/schema.js';

const BLOCKS = 1_000_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ITERATIONS = BLOCKS / 2; // one assign + one if per iteration

function loopScenario(): Scenario {
  return makeScenario({
    name: 'Bench',
    variables: [
      { name: 'i', type: 'number', default: 0 },
      { name: 'acc', type: 'number', default: 0, direction: 'out' },
      { name: 'n', type: 'number', default: ITERATIONS },
    ],
    blocks: [
      { id: 'start', type: 'core.start' },
      {
        id: 'step',
        type: 'core.assign',
        params: { assignments: [{ variable: 'i', value: { expr: 'i + 1' } }, { variable: 'acc', value: { expr: 'acc + i * 2' } }] },
      },
      { id: 'check', type: 'core.if', params: { condition: { expr: 'i < n' } } },
    ],
    links: [
      ['start', 'step'],
      ['step', 'check'],
      ['check', 'step', 'true'],
    ],
  });
}

/** The same work in plain JS: parallel assignment, then the comparison. */
function plainLoop(n: number): number {
  let i = 0;
  let acc = 0;
  for (;;) {
    const nextI = i + 1;
    const nextAcc = acc + i * 2;
    i = nextI;
    acc = nextAcc;
    if (!(i < n)) break;
  }
  return acc;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** CPU nanoseconds used by this process since `since`. */
function cpuNs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) * 1000;
}

/** `shared`: the stop flag in a SharedArrayBuffer, as in the runner, where another thread raises it. */
async function engineNsPerBlock(mode: 'run' | 'debug', doc: Scenario, shared = false): Promise<number> {
  const stopFlag = shared ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  const began = process.cpuUsage();
  const { summary } = await runScenario(doc, { mode, stopFlag });
  const ns = cpuNs(began);
  if (summary.result !== 'success') throw new Error(`Benchmark run ${mode} ended ${summary.result}: ${summary.error?.message}`);
  if (summary.outputs.acc !== plainLoop(ITERATIONS)) throw new Error(`Benchmark run ${mode} computed ${String(summary.outputs.acc)}`);
  return ns / BLOCKS;
}

/** Debug mode with block events (what the Designer asks for), counted by a listener: for information. */
async function tracedNsPerBlock(doc: Scenario): Promise<number> {
  const began = process.cpuUsage();
  const handle = startScenario(doc, { mode: 'debug', trace: true });
  let events = 0;
  handle.onEvent(() => events++);
  const summary = await handle.done;
  const ns = cpuNs(began);
  if (summary.result !== 'success' || events < 2 * BLOCKS) throw new Error(`Traced run ended ${summary.result} after ${events} events`);
  return ns / BLOCKS;
}

function plainNsPerBlock(): number {
  const began = process.cpuUsage();
  let sink = 0;
  sink += plainLoop(ITERATIONS);
  const ns = cpuNs(began);
  if (sink !== plainLoop(ITERATIONS)) throw new Error('plain loop disagrees');
  return ns / BLOCKS;
}

const doc = loopScenario();
// Warm-up: let V8 optimise the interpreter and the compiled expressions before measuring.
await engineNsPerBlock('run', doc);
await engineNsPerBlock('debug', doc);

const run: number[] = [];
const debug: number[] = [];
const runShared: number[] = [];
const debugShared: number[] = [];
const plain: number[] = [];
const traced: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  run.push(await engineNsPerBlock('run', doc));
  debug.push(await engineNsPerBlock('debug', doc));
  runShared.push(await engineNsPerBlock('run', doc, true));
  debugShared.push(await engineNsPerBlock('debug', doc, true));
  plain.push(plainNsPerBlock());
  traced.push(await tracedNsPerBlock(doc));
}

const runNs = median(run);
const debugNs = median(debug);
const plainNs = median(plain);
const tracedNs = median(traced);
console.log(`Cairn engine benchmark: ${BLOCKS.toLocaleString('en')} blocks (assign + if), median of ${ROUNDS} rounds, CPU time`);
console.log(`  run mode    ${runNs.toFixed(1).padStart(8)} ns/block   target <= 500   ${runNs <= 500 ? 'OK' : 'OVER'}`);
console.log(`  debug mode  ${debugNs.toFixed(1).padStart(8)} ns/block   ${(debugNs / runNs).toFixed(2)}x run   target <= 1.5x   ${debugNs / runNs <= 1.5 ? 'OK' : 'OVER'}`);
console.log(`  run, shared stop flag   ${median(runShared).toFixed(1).padStart(8)} ns/block   ${(median(runShared) / runNs).toFixed(2)}x run   (the runner's SharedArrayBuffer flag, read at every block)`);
console.log(`  debug, shared stop flag ${median(debugShared).toFixed(1).padStart(8)} ns/block   ${(median(debugShared) / debugNs).toFixed(2)}x debug`);
console.log(`  debug+trace ${tracedNs.toFixed(1).padStart(8)} ns/block   ${(tracedNs / runNs).toFixed(2)}x run   (block.started/finished events, for information)`);
console.log(`  plain JS    ${plainNs.toFixed(1).padStart(8)} ns/block   engine run = ${(runNs / plainNs).toFixed(0)}x plain JS`);
