import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Execution, ExecutionLog, ExecutionOutcome } from './execution.js';

/**
 * Python-script jobs, exactly like the vendor's Python framework: ProcessVersion.Name names a
 * script relative to the scripts folder, with backslashes and without extension
 * (`dir\dir\script` → `<scriptsDir>/dir/dir/script.py`); the name as-is is accepted too.
 */

/** The script for a process version name, or null. Never resolves outside the scripts folder. */
export function resolveScript(scriptsDir: string, versionName: string): string | null {
  const relative = versionName.trim().replace(/\\/g, '/');
  if (!relative) return null;
  const root = path.resolve(scriptsDir);
  const candidates = relative.endsWith('.py') ? [relative] : [`${relative}.py`, relative];
  for (const candidate of candidates) {
    const full = path.resolve(root, candidate);
    if (full !== root && !full.startsWith(root + path.sep)) return null;
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return null;
}

/**
 * The framework's single argument, `|`-separated. Vendor order: process_version_guid|job_guid|…|
 * settings_path; Cairn fills the middle with robot_guid|orchestrator_url|task_guid.
 */
export function scriptArgument(fields: {
  versionGuid: string;
  jobGuid: string;
  robotGuid: string;
  orchestratorUrl: string;
  taskGuid: string;
  settingsPath: string;
}): string {
  return [fields.versionGuid, fields.jobGuid, fields.robotGuid, fields.orchestratorUrl, fields.taskGuid, fields.settingsPath].join('|');
}

export type PythonScriptOptions = {
  python: string;
  script: string;
  argument: string;
  log: ExecutionLog;
  /** After a soft stop, how long the script may take before it is killed. */
  stopGraceMs: number;
  env?: NodeJS.ProcessEnv;
};

/** Kills a whole process group; the script may have started children of its own. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

export function startPythonScript(options: PythonScriptOptions): Execution & { readonly pid: number | undefined } {
  const child = spawn(options.python, [options.script, options.argument], {
    cwd: path.dirname(options.script),
    // Its own process group, so abort and stop reach the script's children too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' },
  });
  let requested: 'stop' | 'abort' | null = null;
  let graceTimer: NodeJS.Timeout | undefined;
  const lastErrors: string[] = [];

  createInterface({ input: child.stdout }).on('line', (line) => options.log('Info', line));
  createInterface({ input: child.stderr }).on('line', (line) => {
    options.log('Error', line);
    lastErrors.push(line);
    if (lastErrors.length > 5) lastErrors.shift();
  });

  const name = path.basename(options.script);
  const done = new Promise<ExecutionOutcome>((resolve) => {
    child.once('error', (error) => {
      resolve({ result: 'failed', error: `Python script ${name} could not start with "${options.python}": ${error.message}` });
    });
    child.once('close', (code, signal) => {
      clearTimeout(graceTimer);
      if (requested === 'abort') return resolve({ result: 'aborted' });
      if (requested === 'stop') return resolve({ result: 'stopped' });
      if (code === 0) return resolve({ result: 'success' });
      const cause = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const tail = lastErrors.length ? `: ${lastErrors.join(' / ')}` : '';
      resolve({ result: 'failed', error: `Python script ${name} ${cause}${tail}` });
    });
  });

  return {
    get pid() {
      return child.pid;
    },
    done,
    stop() {
      if (requested || child.pid === undefined || child.exitCode !== null) return;
      requested = 'stop';
      // SIGINT reaches Python as KeyboardInterrupt (or a handler): the framework's soft stop.
      killGroup(child.pid, 'SIGINT');
      graceTimer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), options.stopGraceMs);
    },
    abort() {
      if (child.pid === undefined || child.exitCode !== null) return;
      requested = 'abort';
      killGroup(child.pid, 'SIGKILL');
    },
  };
}
