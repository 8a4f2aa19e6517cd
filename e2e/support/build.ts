import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync, openSync, closeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'dist/renderer');
const sources = ['renderer', 'src/api', 'src/scenario'].map((d) => join(root, d));
const configFiles = ['vite.config.ts', 'package.json'].map((f) => join(root, f));

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [...sources, ...configFiles].some((p) => existsSync(p) && newestMtime(p) > built);
}

/**
 * Builds the renderer when dist/renderer is missing or older than its sources. Test files run
 * in parallel workers, so the build is serialized through a lock file.
 */
export async function ensureRendererBuilt(): Promise<void> {
  const lock = join(root, 'dist/.renderer-build.lock');
  execFileSync('mkdir', ['-p', join(root, 'dist')]);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      // A lock left by a crashed build is stale after a few minutes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) unlinkSync(lock);
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the renderer build lock ${lock}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (isStale()) execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    unlinkSync(lock);
  }
}
