import type { RunErrorInfo } from './types.js';

/** Thrown through the interpreter when the run is stopped (soft) or aborted (hard). */
export class RunStopped extends Error {
  override name = 'RunStopped';
  constructor(readonly kind: 'stopped' | 'aborted') {
    super(kind === 'stopped' ? 'The run was stopped' : 'The run was aborted');
  }
}

/** A block failed and its error policy let the failure through: carries where it happened. */
export class BlockFailure extends Error {
  override name = 'BlockFailure';
  constructor(
    readonly info: RunErrorInfo,
    options?: { cause?: unknown },
  ) {
    super(info.message, options);
  }
}
