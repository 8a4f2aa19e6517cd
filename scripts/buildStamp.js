// Whether dist/core is the build of the current sources. Kept apart from build.js (and free of
// esbuild) because every `cairn` start asks it: a few hundred stat calls, a few milliseconds.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const outDir = join(root, 'dist', 'core');
/** Written last by a build: when it started, every file it read, and each entry's output file. */
export const stampFile = join(outDir, '.build.json');

/** @returns {{ builtAt: number, inputs: string[], entries: Record<string, string> } | undefined} */
export function readStamp(file = stampFile) {
  try {
    return /** @type {{ builtAt: number, inputs: string[], entries: Record<string, string> }} */ (JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * True when a build exists and none of its inputs changed (or vanished) since it started. (The
 * arguments are for tests: another stamp, another tree.)
 */
export function buildIsFresh(file = stampFile, base = root) {
  const stamp = readStamp(file);
  if (stamp === undefined) return false;
  for (const input of stamp.inputs) {
    try {
      if (statSync(join(base, input)).mtimeMs >= stamp.builtAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}
