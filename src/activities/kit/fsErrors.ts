import { BlockError } from '../define.js';

const causes: Record<string, string> = {
  ENOENT: 'does not exist',
  EACCES: 'cannot be accessed: permission denied',
  EPERM: 'cannot be changed: operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'is not a folder',
  EEXIST: 'already exists',
  ENOTEMPTY: 'is a folder that is not empty',
  EBUSY: 'is in use by another program',
};

/**
 * Runs a file operation and turns Node's terse errors (ENOENT …) into a BlockError that names the
 * path and the cause in words, keeping the code for `handle` logic.
 */
export async function fileOp<T>(what: string, path: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    // Our own errors and a stop of the run pass through unchanged.
    if (error instanceof BlockError || (error as Error).name === 'AbortError') throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const cause = code !== undefined ? causes[code] : undefined;
    throw new BlockError(
      cause ? `Cannot ${what}: "${path}" ${cause}` : `Cannot ${what} "${path}": ${(error as Error).message}`,
      code ?? 'FILE_ERROR',
    );
  }
}
