/**
 * The stop flag: one Int32 the interpreter reads (Atomics.load) at every block boundary. In the
 * runner it lives in a SharedArrayBuffer, so the runner's main thread can raise it while the
 * engine's thread is busy inside a block — no message has to wait for the engine's event loop.
 */

export const STOP_NONE = 0;
export const STOP_SOFT = 1;
export const STOP_ABORT = 2;

export type StopKind = 'stopped' | 'aborted';

/** A private flag, for runs in the current thread. */
export function localStopFlag(): Int32Array {
  return new Int32Array(1);
}

export function readStop(flag: Int32Array): StopKind | undefined {
  const value = Atomics.load(flag, 0);
  return value === STOP_NONE ? undefined : value === STOP_ABORT ? 'aborted' : 'stopped';
}

/** Raises the flag; a soft stop never downgrades an abort. Returns whether it changed. */
export function raiseStop(flag: Int32Array, kind: StopKind): boolean {
  const code = kind === 'aborted' ? STOP_ABORT : STOP_SOFT;
  for (;;) {
    const current = Atomics.load(flag, 0);
    if (current >= code) return false;
    if (Atomics.compareExchange(flag, 0, current, code) === current) return true;
  }
}
