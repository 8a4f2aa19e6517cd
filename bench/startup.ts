/**
 * Start-up benchmark (`npm run bench:startup`): every target of issue 11, as medians and as
 * ratios against a bare `node -e 0` measured in the same run (timings on a shared machine move
 * with its load; ratios move less). Bounded: a few runs of each, a 10,000-line log job.
 *
 *   node bin/tsnode.js bench/startup.ts [--runs 7] [--lines 10000] [--only cli,designer,logs]
 *
 * - `cairn --help`, `cairn validate <sample>`, `cairn run <sample>`: whole processes, wall time.
 * - Designer: `run.start` → the first block event, through the service (as the UI calls it), with
 *   the warm runner it keeps, and cold (a runner forked per run).
 * - Log delivery: a job's lines through the robot's real path (SQLite outbox → worker → client →
 *   emulator on loopback) against plain `node:http` keep-alive posts to the same emulator, and how
 *   long after its last line the job's final status arrives.
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { ensureBuilt } from '../scripts/build.js';
import { createService } from '../src/api/service.js';
import { startRun as coldStartRun } from '../src/engine/runner/index.js';
import type { RunEvent } from '../src/engine/types.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, lines: { type: 'string' }, only: { type: 'string' } } });
const RUNS = Number(values.runs ?? 7);
const LINES = Number(values.lines ?? 10_000);
const only = new Set((values.only ?? 'cli,designer,logs').split(','));
const run = promisify(execFile);
const root = resolve('.');
const sample = 'resources/samples/hello';

type Row = { name: string; value: string; ratio?: number; target: string; ok: boolean | undefined };
const rows: Row[] = [];

const median = (list: number[]): number => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function wall(args: string[]): Promise<number> {
  const started = performance.now();
  await run(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  return performance.now() - started;
}

/** Interleaved, so a burst of load hits the baseline and the command alike. */
async function processTimes(commands: Record<string, string[]>): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const args of Object.values(commands)) await wall(args); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(commands)) samples[name].push(await wall(args));
  return Object.fromEntries(Object.entries(samples).map(([name, list]) => [name, median(list)]));
}

async function cliFigures(): Promise<void> {
  const bin = join(root, 'bin', 'cairn.js');
  const t = await processTimes({
    baseline: ['-e', '0'],
    help: [bin, '--help'],
    validate: [bin, 'validate', sample],
    run: [bin, 'run', sample],
  });
  rows.push({ name: 'node -e 0 (baseline)', value: `${t.baseline.toFixed(0)} ms`, ratio: 1, target: '', ok: undefined });
  const add = (name: string, ms: number, max: number) =>
    rows.push({ name, value: `${ms.toFixed(0)} ms`, ratio: ms / t.baseline, target: `≤ ${max}×`, ok: ms / t.baseline <= max });
  add('cairn --help', t.help, 4);
  add(`cairn validate ${sample}`, t.validate, 5);
  add(`cairn run ${sample}`, t.run, 6);
}

/** run.start → the first block event, through the service as the Designer calls it. */
async function designerFigures(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cairn-bench-startup-'));
  const path = join(root, sample, 'main.scenario.json');
  const measure = async (warm: boolean): Promise<number> => {
    const service = createService({ dataDir, mode: 'browser', ...(warm ? {} : { startRun: coldStartRun }) });
    const times: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        // Time for the runner warmed behind the last run to load the engine, as between two clicks.
        await sleep(warm ? 1500 : 200);
        let started = 0;
        const firstBlock = new Promise<number>((done) => {
          const off = service.onEvent((event, payload) => {
            if (event !== 'run.event') return;
            const runEvent = (payload as { event: RunEvent }).event;
            if (runEvent.type === 'block.started') {
              off();
              done(performance.now() - started);
            }
          });
        });
        const finished = new Promise<void>((done) => {
          const off = service.onEvent((event, payload) => {
            if (event === 'run.event' && (payload as { event: RunEvent }).event.type === 'run.finished') {
              off();
              done();
            }
          });
        });
        started = performance.now();
        await service.call('run.start', { path, args: { name: 'Bench' } });
        times.push(await firstBlock);
        await finished;
      }
    } finally {
      await service.dispose();
    }
    return median(times);
  };
  const warm = await measure(true);
  const cold = await measure(false);
  rows.push({ name: 'Designer run.start → first block, warm runner', value: `${warm.toFixed(0)} ms`, target: '≤ 150 ms', ok: warm <= 150 });
  rows.push({ name: 'Designer run.start → first block, cold runner', value: `${cold.toFixed(0)} ms`, target: '≤ 600 ms', ok: cold <= 600 });
  await rm(dataDir, { recursive: true, force: true });
}

/** Bundles a bench entry like the core (the shipped `cairn orchestrator` runs built code too). */
async function bundle(entry: string, out: string): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = join(root, 'dist', 'bench', out);
  await esbuild.build({ entryPoints: [join(root, 'bench', entry)], bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}

/** The emulator as its own process, built: run through tsx, its closures would pay tsx's naming wrapper per request. */
async function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(await bundle('emulator.ts', 'emulator.mjs'), ['--serve'], { stdio: 'inherit' });
  const url = await new Promise<string>((done, fail) => {
    child.once('message', (message: { url: string }) => done(message.url));
    child.once('exit', (code) => fail(new Error(`the emulator exited with code ${code}`)));
  });
  return { child, url };
}

async function admin<T>(url: string, route: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * The robot runs built code (dist/core), so its path is measured built too: bench/logDelivery.ts
 * (both the plain posts and the robot's path) is bundled like the core and run as its own process
 * against the emulator (another process), which prints the figures as JSON.
 */
async function logFigures(): Promise<void> {
  const emulator = await startEmulator();
  const sender = await bundle('logDelivery.ts', 'logDelivery.mjs');
  try {
    const robotGuid = (await admin<{ guid: string }>(emulator.url, '/admin/robots', { name: 'bench-logs' })).guid;
    const processGuid = (await admin<{ guid: string }>(emulator.url, '/admin/processes', { name: 'bench' })).guid;
    const versionGuid = (await admin<{ guid: string }>(emulator.url, '/admin/versions', { processGuid, name: 'bench.py' })).guid;
    // Each side on its own core, as a robot and a remote Orchestrator are: left to the scheduler, the
    // two processes of one request/response ping-pong land on one core or two from run to run, and
    // the figures swing by half.
    const pin = existsSync('/usr/bin/taskset') && availableParallelism() >= 2;
    if (pin) await run('taskset', ['-a', '-pc', '0', String(emulator.child.pid)]);
    const senderArgs = [sender, emulator.url, robotGuid, versionGuid, String(LINES)];
    const { stdout } = pin
      ? await run('taskset', ['-c', '1', process.execPath, ...senderArgs], { cwd: root, maxBuffer: 1 << 20 })
      : await run(process.execPath, senderArgs, { cwd: root, maxBuffer: 1 << 20 });
    if (pin) rows.push({ name: 'emulator / sender pinned to core', value: '0 / 1', target: '', ok: undefined });
    const result = JSON.parse(stdout) as { plainRate: number; robotRate: number; lagMs: number; plainCpuUs: number; robotCpuUs: number };
    rows.push({ name: `plain node:http posts (${LINES} lines)`, value: `${result.plainRate.toFixed(0)} lines/s`, target: '', ok: undefined });
    rows.push({ name: `robot log delivery (${LINES}-line job)`, value: `${result.robotRate.toFixed(0)} lines/s`, target: '≥ 5000 lines/s', ok: result.robotRate >= 5000 });
    rows.push({ name: 'robot delivery vs plain node:http', value: `${(result.robotRate / result.plainRate).toFixed(2)}×`, target: '≥ 0.8×', ok: result.robotRate / result.plainRate >= 0.8 });
    // The sender's own CPU per line: what the robot adds over the floor, free of the machine's load.
    rows.push({ name: 'sender CPU per line: plain / robot', value: `${result.plainCpuUs.toFixed(0)} / ${result.robotCpuUs.toFixed(0)} µs`, target: '', ok: undefined });
    rows.push({ name: 'final status after the last log line', value: `${result.lagMs.toFixed(1)} ms`, target: '≤ 1000 ms', ok: result.lagMs <= 1000 });
  } finally {
    emulator.child.send('close');
    await new Promise((r) => emulator.child.once('exit', r));
  }
}

const loadBefore = loadavg();
await ensureBuilt();
if (only.has('cli')) await cliFigures();
if (only.has('designer')) await designerFigures();
if (only.has('logs')) await logFigures();
const loadAfter = loadavg();

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`\nStart-up (issue 11) — medians of ${RUNS} runs; ratios against node -e 0 in this run`);
for (const row of rows) {
  const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(1)}×`.padStart(7);
  const verdict = row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED';
  console.log(`${row.name.padEnd(width)}  ${row.value.padStart(14)} ${ratio.padStart(7)}  ${row.target.padEnd(16)} ${verdict}`);
}
const fmt = (l: number[]) => l.map((n) => n.toFixed(2)).join(' ');
console.log(`load average: before ${fmt(loadBefore)}, after ${fmt(loadAfter)} (1, 5, 15 min; ${(await import('node:os')).cpus().length} cores)`);
