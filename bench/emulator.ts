/**
 * Orchestrator emulator benchmark (`npm run bench:emulator`): 1,000 simulated robots, registered
 * first, heartbeat against the emulator on loopback at controlled rates (open loop: request i is
 * due at i/rate seconds, whatever the answers do). The emulator runs in a forked process so the
 * load generator does not share its event loop. Bounded in count and time; stops by itself.
 *
 *   node bin/tsnode.js bench/emulator.ts [--robots 1000] [--rates 500,1000,2000] [--seconds 10]
 *
 * Reports per rate: sent, answered, errors, sustained req/s, latency p50/p90/p99/max (from the
 * moment each request was written to its last byte), and the server's own view — handling time
 * p50/p99, CPU per request, event-loop delay — which tells the emulator's cost apart from a busy
 * machine. Target: p99 <= 20 ms at 500 req/s.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const SERVE_FLAG = '--serve';

async function serve(): Promise<void> {
  const { startEmulator } = await import('../src/orchestrator/emulator/server.js');
  // The emulator's request log carries its own handling time ("… 200 0.4ms …"): collected per
  // stage, it is the server-side latency, free of the load generator's own scheduling delays.
  let handling: number[] = [];
  const emulator = await startEmulator({
    port: 0,
    log: (line) => {
      const ms = / (\d+(?:\.\d+)?)ms/.exec(line);
      if (ms) handling.push(Number(ms[1]));
    },
  });
  process.send?.({ url: emulator.url });
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  // The server's own view, to tell its cost from the machine's contention: CPU it burned and how
  // late its event loop ran during a stage.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let cpu = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'close') stop();
    else if (message === 'reset') {
      loop.reset();
      handling = [];
      cpu = process.cpuUsage();
    } else if (message === 'stats') {
      const used = process.cpuUsage(cpu);
      const sorted = handling.sort((a, b) => a - b);
      process.send?.({
        cpuMs: (used.user + used.system) / 1000,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
        handlingP50Ms: percentile(sorted, 50),
        handlingP99Ms: percentile(sorted, 99),
      });
    }
  });
  process.on('disconnect', stop);
}

type ServerStats = { cpuMs: number; loopP99Ms: number; loopMaxMs: number; handlingP50Ms: number; handlingP99Ms: number };
type Stage = { rate: number; sent: number; answered: number; errors: number; skipped: number; seconds: number; latencies: number[] };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(resolve('bin/tsnode.js'), [resolve('bench/emulator.ts'), SERVE_FLAG], { stdio: 'inherit' });
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the emulator did not start within 30 s')), 30_000);
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer);
      done(message.url);
    });
    child.once('exit', (code) => fail(new Error(`the emulator exited with code ${code}`)));
  });
  return { child, url };
}

function ask(child: ChildProcess, message: string): Promise<ServerStats> {
  return new Promise((done) => {
    child.once('message', (stats: ServerStats) => done(stats));
    child.send(message);
  });
}

async function registerRobots(url: string, count: number): Promise<string[]> {
  const guids: string[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, k) =>
      fetch(`${url}/admin/robots`, { method: 'POST', body: JSON.stringify({ name: `bench-${i + k}` }) })
        .then((r) => r.json() as Promise<{ guid: string }>)
        .then((r) => r.guid),
    );
    guids.push(...(await Promise.all(batch)));
  }
  return guids;
}

function heartbeatOnce(agent: Agent, url: URL, robot: string, auth: string): Promise<number> {
  const body = `RobotGUID=${robot}&Machine=bench&IP=127.0.0.1&MAC=00%3A00%3A00%3A00%3A00%3A00&Status=2&JobGUID=&JobName=&JobType=1`;
  return new Promise((done, fail) => {
    const started = performance.now();
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/api/robot/heartbeat',
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) },
        timeout: 5_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? done(performance.now() - started) : fail(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(body);
  });
}

async function runStage(agent: Agent, url: string, robots: string[], rate: number, seconds: number): Promise<Stage> {
  const target = new URL(url);
  const auths = robots.map((guid) => `Basic ${Buffer.from(guid).toString('base64')}`);
  const total = Math.round(rate * seconds);
  const maxInFlight = 1_000;
  const stage: Stage = { rate, sent: 0, answered: 0, errors: 0, skipped: 0, seconds: 0, latencies: [] };
  const pending = new Set<Promise<void>>();
  const t0 = performance.now();
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate) + 1);
    for (; next < due; next += 1) {
      // Bounded: if the server falls this far behind, count the request as skipped, do not queue it.
      if (pending.size >= maxInFlight) {
        stage.skipped += 1;
        continue;
      }
      const robot = next % robots.length;
      stage.sent += 1;
      const p = heartbeatOnce(agent, target, robots[robot], auths[robot]).then(
        (ms) => {
          stage.answered += 1;
          stage.latencies.push(ms);
        },
        () => {
          stage.errors += 1;
        },
      );
      pending.add(p);
      void p.finally(() => pending.delete(p));
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  stage.seconds = (performance.now() - t0) / 1000;
  return stage;
}

function report(stage: Stage, server: ServerStats, load: number): Record<string, number> {
  const sorted = [...stage.latencies].sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    targetRps: stage.rate,
    sent: stage.sent,
    answered: stage.answered,
    errors: stage.errors,
    skipped: stage.skipped,
    sustainedRps: round(stage.answered / stage.seconds),
    p50ms: round(percentile(sorted, 50)),
    p90ms: round(percentile(sorted, 90)),
    p99ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
    serverHandlingP50Ms: round(server.handlingP50Ms),
    serverHandlingP99Ms: round(server.handlingP99Ms),
    serverCpuUsPerReq: round((server.cpuMs * 1000) / Math.max(1, stage.answered)),
    serverLoopDelayP99Ms: round(server.loopP99Ms),
    serverLoopDelayMaxMs: round(server.loopMaxMs),
    loadAvg1m: round(load),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      robots: { type: 'string', default: '1000' },
      rates: { type: 'string', default: '500,1000,2000' },
      seconds: { type: 'string', default: '10' },
    },
  });
  const robotsWanted = Math.min(10_000, Math.max(1, Number(values.robots)));
  const seconds = Math.min(60, Math.max(1, Number(values.seconds)));
  const rates = values.rates.split(',').map(Number).filter((n) => n > 0 && n <= 20_000);

  const { child, url } = await startServer();
  const hardStop = setTimeout(() => {
    console.error('bench: hard time limit reached, stopping');
    child.kill();
    process.exit(1);
  }, (rates.length * (seconds + 15) + 60) * 1000);
  try {
    const robots = await registerRobots(url, robotsWanted);
    console.log(`emulator ${url} (forked pid ${child.pid}); ${robots.length} robots registered; ${seconds} s per rate; 2-core figures depend on what else runs (loadAvg1m)`);
    // One pool of kept-alive connections for every stage, opened during the warm-up (with the JIT
    // and the statement caches): the stages measure heartbeats, not a burst of TCP handshakes.
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    await runStage(agent, url, robots, Math.min(200, rates[0] ?? 200), 2);
    const rows = [];
    for (const rate of rates) {
      const load = loadavg()[0];
      child.send('reset');
      const stage = await runStage(agent, url, robots, rate, seconds);
      const row = report(stage, await ask(child, 'stats'), load);
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    agent.destroy();
    console.table(rows);
    const at500 = rows.find((r) => r.targetRps === 500);
    if (at500) console.log(`target p99 <= 20 ms at 500 req/s: ${at500.p99ms <= 20 ? 'met' : 'NOT met'} (p99 ${at500.p99ms} ms)`);
  } finally {
    clearTimeout(hardStop);
    child.send('close');
    await new Promise((r) => child.once('exit', r));
  }
}

if (process.argv.includes(SERVE_FLAG)) await serve();
else await main();
