/**
 * Log delivery, measured by bench/startup.ts (which bundles this file like the core and runs it):
 * a job's lines through the robot's real path (the writer batches them into a SQLite outbox, the
 * worker delivers them in order through the client) against plain `node:http` keep-alive posts
 * to the same emulator, interleaved, medians of 5. Prints one JSON line.
 *
 *   node dist/bench/logDelivery.mjs <emulator url> <robot guid> <version guid> <lines>
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrchestratorClient } from '../src/orchestrator/client.js';
import { JobStatus } from '../src/orchestrator/protocol.js';
import { createRobotLink } from '../src/robot/link.js';
import { openAppStore } from '../src/store/appStore.js';
import { createOutboxWorker } from '../src/store/outboxWorker.js';
import { createOutboxWriter } from '../src/store/outboxWriter.js';

const [url, robotGuid, versionGuid, linesArg] = process.argv.slice(2);
const LINES = Number(linesArg);

const median = (list: number[]): number => [...list].sort((a, b) => a - b)[list.length >> 1];

async function job(): Promise<string> {
  const response = await fetch(`${url}/admin/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ robotGuid, versionGuid }) });
  return ((await response.json()) as { guid: string }).guid;
}

/** The floor: one kept-alive connection, a form body per line, one request after the other. */
async function plainPosts(jobGuid: string, count: number): Promise<number> {
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
async function robotPath(jobGuid: string, count: number): Promise<{ linesPerSecond: number; statusLagMs: number }> {
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

const cpuPerLine = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / LINES;
};

// Warm both paths (JIT, SQLite pages, the emulator's statements), then measure them in turn.
await plainPosts(await job(), 500);
await robotPath(await job(), 500);
const plain: number[] = [];
const robot: number[] = [];
const lags: number[] = [];
const plainCpu: number[] = [];
const robotCpu: number[] = [];
for (let i = 0; i < 5; i++) {
  const plainJob = await job();
  let cpu = process.cpuUsage();
  plain.push(await plainPosts(plainJob, LINES));
  plainCpu.push(cpuPerLine(cpu));
  const robotJob = await job();
  cpu = process.cpuUsage();
  const result = await robotPath(robotJob, LINES);
  robotCpu.push(cpuPerLine(cpu));
  robot.push(result.linesPerSecond);
  lags.push(result.statusLagMs);
}
console.log(JSON.stringify({ plainRate: median(plain), robotRate: median(robot), lagMs: median(lags), plainCpuUs: median(plainCpu), robotCpuUs: median(robotCpu) }));
