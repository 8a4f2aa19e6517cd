import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxLogLevel } from '../store/outbox.js';
import { resolveScript, scriptArgument, startPythonScript } from './pythonJob.js';
import { until } from '../testing/until.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-py-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});


const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function collect() {
  const lines: { level: OutboxLogLevel; message: string }[] = [];
  return { lines, log: (level: OutboxLogLevel, message: string) => lines.push({ level, message }) };
}

describe('resolveScript', () => {
  it('maps the framework name dir\\dir\\script to <scriptsDir>/dir/dir/script.py, and accepts the name as-is', async () => {
    await mkdir(path.join(dir, 'finance', 'daily'), { recursive: true });
    await writeFile(path.join(dir, 'finance', 'daily', 'report.py'), 'print(1)');
    await writeFile(path.join(dir, 'plain.py'), 'print(1)');
    expect(resolveScript(dir, 'finance\\daily\\report')).toBe(path.join(dir, 'finance', 'daily', 'report.py'));
    expect(resolveScript(dir, 'plain.py')).toBe(path.join(dir, 'plain.py'));
    expect(resolveScript(dir, 'missing')).toBeNull();
  });

  it('never resolves outside the scripts folder', async () => {
    await writeFile(path.join(dir, 'outside.py'), 'print(1)');
    const scripts = path.join(dir, 'scripts');
    await mkdir(scripts);
    expect(resolveScript(scripts, '..\\outside')).toBeNull();
    expect(resolveScript(scripts, path.join(dir, 'outside'))).toBeNull();
  });
});

describe('startPythonScript', () => {
  it('passes the framework argument and streams stdout/stderr lines as logs', async () => {
    const script = path.join(dir, 'hello.py');
    await writeFile(script, 'import sys\nprint("args:", sys.argv[1])\nprint("warn", file=sys.stderr)\n');
    const { lines, log } = collect();
    const argument = scriptArgument({ versionGuid: 'v', jobGuid: 'j', robotGuid: 'r', orchestratorUrl: 'http://x', taskGuid: '', settingsPath: '/s.json' });
    const outcome = await startPythonScript({ python: 'python3', script, argument, log, stopGraceMs: 1000 }).done;
    expect(outcome).toEqual({ result: 'success' });
    expect(lines).toContainEqual({ level: 'Info', message: 'args: v|j|r|http://x||/s.json' });
    expect(lines).toContainEqual({ level: 'Error', message: 'warn' });
  });

  it('reports a failing script with its exit code and last error lines', async () => {
    const script = path.join(dir, 'fail.py');
    await writeFile(script, 'raise SystemExit("no invoices found")\n');
    const outcome = await startPythonScript({ python: 'python3', script, argument: '', log: () => {}, stopGraceMs: 1000 }).done;
    expect(outcome.result).toBe('failed');
    expect(outcome.error).toContain('fail.py exited with code 1: no invoices found');
  });

  it('fails clearly when the interpreter cannot start', async () => {
    const script = path.join(dir, 'any.py');
    await writeFile(script, 'print(1)');
    const outcome = await startPythonScript({ python: path.join(dir, 'no-python'), script, argument: '', log: () => {}, stopGraceMs: 1000 }).done;
    expect(outcome.result).toBe('failed');
    expect(outcome.error).toContain(`Python script any.py could not start with "${path.join(dir, 'no-python')}"`);
  });

  it('delivers a soft stop to the script as a signal it can handle', async () => {
    const script = path.join(dir, 'stoppable.py');
    await writeFile(
      script,
      [
        'import signal, sys, time',
        'def handle(signum, frame):',
        '    print("cleaning up after signal", signum)',
        '    sys.exit(0)',
        'signal.signal(signal.SIGINT, handle)',
        'signal.signal(signal.SIGTERM, handle)',
        'print("ready")',
        'while True: time.sleep(0.05)',
      ].join('\n'),
    );
    const { lines, log } = collect();
    const run = startPythonScript({ python: 'python3', script, argument: '', log, stopGraceMs: 10_000 });
    await until(() => lines.some((l) => l.message === 'ready'), 'the script to say ready', 10_000);
    run.stop();
    expect(await run.done).toEqual({ result: 'stopped' });
    expect(lines.map((l) => l.message)).toContain(`cleaning up after signal 2`);
  });

  it('kills a script that ignores the soft stop after the grace period, and abort kills its children', async () => {
    const script = path.join(dir, 'stubborn.py');
    await writeFile(
      script,
      ['import signal, subprocess, time', 'signal.signal(signal.SIGINT, signal.SIG_IGN)', 'child = subprocess.Popen(["sleep", "60"])', 'print("child", child.pid, flush=True)', 'time.sleep(60)'].join('\n'),
    );
    const { lines, log } = collect();
    const run = startPythonScript({ python: 'python3', script, argument: '', log, stopGraceMs: 200 });
    await until(() => lines.some((l) => l.message.startsWith('child ')), 'the child process line', 10_000);
    const childPid = Number(lines.find((l) => l.message.startsWith('child '))!.message.split(' ')[1]);
    run.stop();
    expect(await run.done).toEqual({ result: 'stopped' });
    await until(() => !alive(childPid), 'the child process to end', 10_000);

    const again = startPythonScript({ python: 'python3', script, argument: '', log, stopGraceMs: 60_000 });
    lines.length = 0;
    await until(() => lines.some((l) => l.message.startsWith('child ')), 'the child process line', 10_000);
    const secondChild = Number(lines.find((l) => l.message.startsWith('child '))!.message.split(' ')[1]);
    again.abort();
    expect(await again.done).toEqual({ result: 'aborted' });
    await until(() => !alive(secondChild) && !alive(again.pid!), 'both processes to end', 10_000);
  });
});
