import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

/** Runs the real `cairn` binary (bin/cairn.js) as a user would, for CLI tests. */

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/cairn.js', import.meta.url));

export type CliRun = {
  child: ChildProcess;
  /** Output so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when `predicate(stdout, stderr)` holds; rejects past the deadline or when the process ends first. */
  waitFor(predicate: (stdout: string, stderr: string) => boolean, timeoutMs?: number): Promise<void>;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
};

/** CLIs a test started and did not see end: killed after each test so a failed test leaves no orphan run. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

export function startCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  let ended = false;
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (const listener of listeners) listener();
  });
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      running.delete(child);
      for (const listener of listeners) listener();
      resolve({ code, stdout: out, stderr: err });
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor(predicate, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(out, err)) done(() => resolve());
          else if (ended)
            done(() =>
              reject(new Error(`cairn ended before the expected output.\nstdout:\n${out}\nstderr:\n${err}`)),
            );
        };
        const timer = setTimeout(
          () =>
            done(() => reject(new Error(`timed out waiting for output.\nstdout:\n${out}\nstderr:\n${err}`))),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** Runs `cairn …` to the end; `input` is written to stdin, which is then closed. */
export async function runCli(
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const run = startCli(args, options);
  run.child.stdin?.end(options.input ?? '');
  return run.exit;
}
