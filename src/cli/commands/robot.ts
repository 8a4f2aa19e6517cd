import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appDatabaseFile, openRobot, type Robot } from '../../robot/robot.js';
import { formatStatusLine, type AgentStatus } from '../../robot/status.js';
import { openAppStore } from '../../store/appStore.js';
import { MIN_WORKING_HEARTBEAT_MS, robotSettingsSchema, type RobotSettings } from '../../store/robotSettings.js';
import type { CliCommand } from '../command.js';
import { onShutdown } from '../shutdown.js';

const usage = 'cairn robot --orchestrator URL --guid GUID [--scripts-dir DIR] [--insecure] [--once] [--data DIR] [--poll-interval S] [--heartbeat-interval S] [--python PATH] [--stop-grace S] [--max-memory MB]';

const help = `${usage}

Runs the robot agent: heartbeats to the Orchestrator, takes its jobs, runs them (Cairn packages
in the engine, or the Python framework's scripts), and reports their logs and status through a
durable outbox. Settings are saved in the data folder, so later starts need no flags.

  --orchestrator URL   Orchestrator base URL, e.g. http://192.168.1.111:4500
  --guid GUID          this robot's GUID (registered in the Orchestrator)
  --scripts-dir DIR    folder of Python scripts (ProcessVersion.Name is relative to it)
  --insecure           skip TLS certificate checks for this Orchestrator (not recommended; saved)
  --verify-tls         check TLS certificates again (undoes a saved --insecure)
  --once               the seed's framework: one pass, exit when there is no job
  --data DIR           data folder (database, package cache); default ~/.cairn/robot
  --poll-interval S    seconds between idle heartbeats (default 10)
  --heartbeat-interval S  seconds between heartbeats while a job runs (default and minimum 10)
  --python PATH        Python interpreter for script jobs (default python3)
  --stop-grace S       after a stop request, how long a job's current block (or script) may take
                       before the job is aborted (default 30; saved)
  --max-memory MB      heap limit of a Cairn job's engine; beyond it the job fails "ran out of
                       memory" (default 2048; saved)

Ctrl+C stops cleanly (a running job is soft-stopped first); a second Ctrl+C aborts the job.`;

function defaultDataDir(): string {
  return process.env.CAIRN_ROBOT_DATA ?? path.join(os.homedir(), '.cairn', 'robot');
}

type Flags = {
  orchestrator?: string;
  guid?: string;
  'scripts-dir'?: string;
  insecure?: boolean;
  'verify-tls'?: boolean;
  once?: boolean;
  data?: string;
  'poll-interval'?: string;
  'heartbeat-interval'?: string;
  python?: string;
  'stop-grace'?: string;
  'max-memory'?: string;
  help?: boolean;
};

function seconds(flags: Flags, name: 'poll-interval' | 'heartbeat-interval' | 'stop-grace' | 'max-memory', min: number): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(value >= min)) throw new Error(`--${name} must be a number ≥ ${min}${name === "max-memory" ? " (MB)" : " (seconds)"}, got "${raw}"`);
  return value;
}

/** Flags over the settings saved by an earlier start. */
function resolveSettings(flags: Flags, dataDir: string): RobotSettings {
  const store = openAppStore(appDatabaseFile(dataDir));
  let saved: RobotSettings | null;
  try {
    saved = store.settings.load();
  } finally {
    store.close();
  }
  const pollSeconds = seconds(flags, 'poll-interval', 0.1);
  const heartbeatSeconds = seconds(flags, 'heartbeat-interval', MIN_WORKING_HEARTBEAT_MS / 1000);
  const graceSeconds = seconds(flags, 'stop-grace', 0);
  const memoryMb = seconds(flags, 'max-memory', 64);
  if (flags.insecure && flags['verify-tls']) throw new Error('--insecure and --verify-tls contradict each other');
  const orchestratorUrl = flags.orchestrator ?? saved?.orchestratorUrl;
  const robotGuid = flags.guid ?? saved?.robotGuid;
  if (!orchestratorUrl || !robotGuid) throw new Error('the first start needs --orchestrator URL and --guid GUID (they are saved for later starts)');
  const parsed = robotSettingsSchema.safeParse({
    ...saved,
    orchestratorUrl,
    robotGuid,
    insecureTls: flags['verify-tls'] ? false : (flags.insecure ?? saved?.insecureTls),
    scriptsDir: flags['scripts-dir'] ? path.resolve(flags['scripts-dir']) : saved?.scriptsDir,
    pythonPath: flags.python ?? saved?.pythonPath,
    pollIntervalMs: pollSeconds === undefined ? saved?.pollIntervalMs : Math.round(pollSeconds * 1000),
    workingHeartbeatMs: heartbeatSeconds === undefined ? saved?.workingHeartbeatMs : Math.round(heartbeatSeconds * 1000),
    stopGraceMs: graceSeconds === undefined ? saved?.stopGraceMs : Math.round(graceSeconds * 1000),
    runnerMemoryMb: memoryMb === undefined ? saved?.runnerMemoryMb : Math.round(memoryMb),
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

/** One status line: rewritten in place on a terminal (every second and on change), printed on each change otherwise. */
function createStatusDisplay(tty: boolean, read: () => AgentStatus): { update(): void; close(): void } {
  let printedKey = '';
  const render = () => {
    const status = read();
    const line = formatStatusLine(status);
    if (tty) {
      process.stdout.write(`\r\x1b[2K${line.slice(0, (process.stdout.columns || 120) - 1)}`);
      return;
    }
    const key = `${status.state}|${status.job?.guid ?? ''}|${status.message}`;
    if (key !== printedKey) console.log(line);
    printedKey = key;
  };
  const timer = tty ? setInterval(render, 1000) : undefined;
  return {
    update: render,
    close() {
      clearInterval(timer);
      if (tty) process.stdout.write('\n');
    },
  };
}

export const command: CliCommand = {
  name: 'robot',
  summary: 'Run the robot agent: take Orchestrator jobs, run them, report through a durable outbox',
  usage,
  async run(argv) {
    let flags: Flags;
    try {
      flags = parseArgs({
        args: argv,
        options: {
          orchestrator: { type: 'string' },
          guid: { type: 'string' },
          'scripts-dir': { type: 'string' },
          insecure: { type: 'boolean' },
          'verify-tls': { type: 'boolean' },
          once: { type: 'boolean' },
          data: { type: 'string' },
          'poll-interval': { type: 'string' },
          'heartbeat-interval': { type: 'string' },
          python: { type: 'string' },
          'stop-grace': { type: 'string' },
          'max-memory': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      }).values;
    } catch (error) {
      console.error(`cairn robot: ${(error as Error).message}\n${usage}`);
      return 2;
    }
    if (flags.help) {
      console.log(help);
      return 0;
    }
    const dataDir = path.resolve(flags.data ?? defaultDataDir());
    let settings: RobotSettings;
    try {
      settings = resolveSettings(flags, dataDir);
    } catch (error) {
      console.error(`cairn robot: ${(error as Error).message}`);
      return 2;
    }
    if (settings.insecureTls) console.warn(`cairn robot: WARNING — TLS certificates of ${settings.orchestratorUrl} are NOT verified (--insecure).`);

    let display: ReturnType<typeof createStatusDisplay> | null = null;
    let robot: Robot;
    try {
      robot = openRobot({
        dataDir,
        settings,
        warn: (line) => console.warn(line),
        agent: { once: flags.once, onStatus: () => display?.update() },
      });
    } catch (error) {
      console.error(`cairn robot: ${(error as Error).message}`);
      return 1;
    }
    display = createStatusDisplay(Boolean(process.stdout.isTTY), () => robot.agent.status());
    // First Ctrl+C / TERM / HUP: stop cleanly (the job soft-stopped); the next one aborts the job.
    const offShutdown = onShutdown((_reason, count) => {
      if (count === 1) void robot.agent.stop();
      else robot.agent.abortJob();
    });
    try {
      return await robot.agent.run();
    } finally {
      offShutdown();
      display.update();
      await robot.close();
      display.close();
    }
  },
};
