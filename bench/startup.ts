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
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { ensureBuilt } from '../scripts/build.js';
import { createService } from '../src/api/service.js';
import { startRun as coldStartRun } from '../src/engine/runner/index.js';
import type { RunEvent } from '../src/engine/types.js';
import { OrchestratorClient } from '../src/orchestrator/client.js';
import { JobStatus } from '../src/orchestrator/protocol.js';
import { createRobotLink } from '../src/robot/link.js';
import { openAppStore } from '../src/store/appStore.js';
import { createOutboxWorker } from '../src/store/outboxWorker.js';
import { createOutboxWriter } from '../src/store/outboxWriter.js';

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

async function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(resolve('bin/tsnode.js'), [resolve('bench/emulator.ts'), '--serve'], { stdio: 'inherit' });
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

/** The floor: one kept-alive connection, a form body per line, one request after the other. */
async function plainPosts(url: string, robotGuid: string, jobGuid: string, count: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL('/api/log/create', url);
  const auth = `Basic ${Buffer.from(robotGuid).toString('base64')}`;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const body = new URLSearchParams({ RobotGUID: robotGuid, ProcessVersionGUID: '', JobGUID: jobGuid, Level: 'Info', Message: `plain ${i}` }).toString();
    await new Promise<void>((done, fail) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? done() : fail(new Error(`HTTP ${res.statusCode}`))));
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  }
  agent.destroy();
  return count / ((performance.now() - started) / 1000);
}

/** The robot's path: the writer batches lines into the SQLite outbox, the worker delivers them in order. */
async function robotPath(url: string, robotGuid: string, jobGuid: string, count: number): Promise<{ linesPerSecond: number; statusLagMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'cairn-bench-outbox-'));
  const store = openAppStore(join(dir, 'cairn.sqlite'));
  const client = new OrchestratorClient({ url, robotGuid, retries: 0, timeoutMs: 10_000, warn: () => {} });
  const link = createRobotLink(client);
  let lastLineAt = 0;
  let statusAt = 0;
  const worker = createOutboxWorker({
    outbox: store.outbox,
    robotGuid,
    deliver: async (item) => {
      await link.deliver(item);
      if (item.kind === 'log') lastLineAt = performance.now();
      else if (item.kind === 'jobStatus' && item.status !== JobStatus.InProgress) statusAt = performance.now();
    },
    classify: (error) => link.classifyDeliveryError(error),
    onDeliveryError: (error) => console.error(`delivery error: ${error instanceof Error ? error.message : String(error)}`),
  });
  const writer = createOutboxWriter({ outbox: store.outbox, robotGuid, onWritten: worker.wake });
  worker.start();
  const started = performance.now();
  writer.write({ kind: 'jobStatus', jobGuid, status: JobStatus.InProgress });
  // A job logs in bursts: a line per block, many blocks per event-loop turn.
  for (let i = 0; i < count; i++) {
    writer.write({ kind: 'log', jobGuid, level: 'Info', message: `line ${i}`, at: Date.now() });
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  writer.write({ kind: 'jobStatus', jobGuid, status: JobStatus.Success });
  const drained = await worker.drain(300_000);
  const elapsed = performance.now() - started;
  await worker.stop();
  store.close();
  await rm(dir, { recursive: true, force: true });
  if (!drained) throw new Error('the outbox did not drain within 300 s');
  return { linesPerSecond: count / (elapsed / 1000), statusLagMs: statusAt - lastLineAt };
}

async function logFigures(): Promise<void> {
  const emulator = await startEmulator();
  try {
    const robotGuid = (await admin<{ guid: string }>(emulator.url, '/admin/robots', { name: 'bench-logs' })).guid;
    const processGuid = (await admin<{ guid: string }>(emulator.url, '/admin/processes', { name: 'bench' })).guid;
    const versionGuid = (await admin<{ guid: string }>(emulator.url, '/admin/versions', { processGuid, name: 'bench.py' })).guid;
    const job = async () => (await admin<{ guid: string }>(emulator.url, '/admin/jobs', { robotGuid, versionGuid })).guid;
    // Warm both paths (JIT, SQLite pages, the emulator's statements), then measure them in turn.
    await plainPosts(emulator.url, robotGuid, await job(), 500);
    await robotPath(emulator.url, robotGuid, await job(), 500);
    const plain: number[] = [];
    const robot: number[] = [];
    const lags: number[] = [];
    for (let i = 0; i < 3; i++) {
      plain.push(await plainPosts(emulator.url, robotGuid, await job(), LINES));
      const result = await robotPath(emulator.url, robotGuid, await job(), LINES);
      robot.push(result.linesPerSecond);
      lags.push(result.statusLagMs);
    }
    const robotRate = median(robot);
    const plainRate = median(plain);
    const lag = median(lags);
    rows.push({ name: `plain node:http posts (${LINES} lines)`, value: `${plainRate.toFixed(0)} lines/s`, target: '', ok: undefined });
    rows.push({ name: `robot log delivery (${LINES}-line job)`, value: `${robotRate.toFixed(0)} lines/s`, target: '≥ 5000 lines/s', ok: robotRate >= 5000 });
    rows.push({ name: 'robot delivery vs plain node:http', value: `${(robotRate / plainRate).toFixed(2)}×`, target: '≥ 0.8×', ok: robotRate / plainRate >= 0.8 });
    rows.push({ name: 'final status after the last log line', value: `${lag.toFixed(1)} ms`, target: '≤ 1000 ms', ok: lag <= 1000 });
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
