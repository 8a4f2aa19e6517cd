import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { BlockError, type BlockContext } from '../define.js';

export type ProcessOptions = {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  shell?: boolean;
  /** 0 or undefined: no limit. */
  timeoutMs?: number;
  /** Prefix of the log lines, e.g. "python". */
  label: string;
  /** Log every output line (stdout as info, stderr as warn). */
  logOutput: boolean;
};

export type ProcessResult = { exitCode: number | null; signal: string | null; stdout: string; stderr: string; timedOut: boolean };

/** Output kept in memory per stream; beyond it the start is dropped (the log has every line). */
const MAX_CAPTURE = 8 * 1024 * 1024;
const isWindows = process.platform === 'win32';

/** Kills the child and, off Windows, its whole process group (it was started as group leader). */
function killTree(pid: number, signal: NodeJS.Signals): void {
  try {
    if (isWindows) process.kill(pid, signal);
    else process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Splits a stream into lines for the log, keeping the unfinished tail for the next chunk. */
function lineLogger(onLine: (line: string) => void): { push(text: string): void; flush(): void } {
  let pending = '';
  return {
    push(text) {
      const parts = (pending + text).split(/\r?\n/);
      pending = parts.pop() ?? '';
      for (const line of parts) onLine(line);
    },
    flush() {
      if (pending) onLine(pending);
      pending = '';
    },
  };
}

/**
 * Runs a program to its end: output captured and streamed to the log line by line, the pid
 * tracked so an abort kills it, the run's stop signal and the timeout honoured.
 */
export function runProcess(ctx: BlockContext, opts: ProcessOptions): Promise<ProcessResult> {
  if (ctx.signal.aborted) return Promise.reject(ctx.signal.reason);
  // spawn reports a missing cwd as ENOENT too; check it first so the message names the folder.
  if (opts.cwd && !statSync(opts.cwd, { throwIfNoEntry: false })?.isDirectory()) {
    return Promise.reject(new BlockError(`Working folder not found: ${opts.cwd}`, 'ENOENT'));
  }
  return new Promise((done, fail) => {
    const child = spawn(opts.command, opts.args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      shell: opts.shell ?? false,
      detached: !isWindows,
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid) ctx.trackProcess(child.pid);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const keep = (all: string, add: string) => (all.length + add.length > MAX_CAPTURE ? (all + add).slice(-MAX_CAPTURE) : all + add);
    const outLines = lineLogger((line) => opts.logOutput && ctx.log('info', `[${opts.label}] ${line}`));
    const errLines = lineLogger((line) => opts.logOutput && ctx.log('warn', `[${opts.label}] ${line}`));
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout = keep(stdout, text);
      outLines.push(text);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr = keep(stderr, text);
      errLines.push(text);
    });

    const onAbort = () => child.pid && killTree(child.pid, 'SIGKILL');
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const timer =
      opts.timeoutMs && opts.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            if (child.pid) killTree(child.pid, 'SIGKILL');
          }, opts.timeoutMs)
        : undefined;
    const cleanup = () => {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      fail(
        error.code === 'ENOENT'
          ? new BlockError(`Program "${opts.command}" not found (is it installed and on PATH?)`, 'ENOENT')
          : new BlockError(`Could not start "${opts.command}": ${error.message}`, error.code ?? 'SPAWN'),
      );
    });
    child.on('close', (exitCode, signal) => {
      cleanup();
      outLines.flush();
      errLines.flush();
      if (ctx.signal.aborted) return fail(ctx.signal.reason);
      done({ exitCode, signal, stdout, stderr, timedOut });
    });
  });
}

/** The last lines of stderr, for error messages that show the real cause. */
export function lastLines(text: string, count = 10): string {
  return text.trimEnd().split(/\r?\n/).slice(-count).join('\n');
}
