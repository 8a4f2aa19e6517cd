/**
 * How long-running commands (`cairn designer`, `cairn robot`, `cairn assistant`, `npm start`) end:
 * on Ctrl+C, on SIGTERM from a service manager or `kill`, on SIGHUP when the terminal closes, and
 * when the process that started them is gone (`npm start` runs us under `sh -c`, which does not
 * pass SIGTERM on: we would be left serving the port). Each of them then closes what it started.
 * Also: output closed by its reader (`cairn docs | head`) ends the process quietly.
 */

export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type ShutdownReason = (typeof SHUTDOWN_SIGNALS)[number] | 'parent-gone';

/** How often to look whether our parent process is still there. */
const PARENT_POLL_MS = 1000;

/**
 * Calls `onShutdown` for every shutdown signal (`count` tells a second Ctrl+C from the first) and
 * once when the parent process goes away. Returns a function that removes the handlers.
 */
export function onShutdown(onShutdown: (reason: ShutdownReason, count: number) => void, options: { watchParent?: boolean } = {}): () => void {
  let count = 0;
  const handle = (reason: ShutdownReason): void => onShutdown(reason, ++count);
  const listeners = SHUTDOWN_SIGNALS.map((signal) => {
    const listener = (): void => handle(signal);
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  const parent = process.ppid;
  const watch =
    options.watchParent === false || process.platform === 'win32'
      ? undefined
      : setInterval(() => {
          // Orphans are adopted by init or a subreaper: a different parent id means ours is gone.
          if (process.ppid === parent) return;
          clearInterval(watch);
          handle('parent-gone');
        }, PARENT_POLL_MS);
  watch?.unref();
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
    clearInterval(watch);
  };
}

/** Resolves with the first shutdown reason (for commands that serve until told to stop). */
export function untilShutdown(options: { watchParent?: boolean } = {}): Promise<ShutdownReason> {
  return new Promise((resolve) => {
    const off = onShutdown((reason) => {
      off();
      resolve(reason);
    }, options);
  });
}

/**
 * A reader that closed our stdout or stderr (`| head`, a closed terminal) is no error worth a
 * stack trace: end quietly, with the exit code a shell expects after SIGPIPE.
 */
export function exitQuietlyWhenOutputCloses(exit: (code: number) => void = (code) => process.exit(code)): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') exit(141);
      else throw error;
    });
  }
}
