#!/usr/bin/env node
// The build of the core: every entry point of Cairn as bundled JavaScript in dist/core, so the CLI,
// the runner processes, the browser host and the Electron shell start without compiling
// TypeScript (tsx stays for tests and development). `node scripts/build.js` builds;
// `bin/cairn.js` calls `ensureBuilt()` so the CLI never runs stale code.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsFresh, outDir, root, stampFile } from './buildStamp.js';

/**
 * Every entry point, in ONE list. `name` is the output file (dist/core/<name>.js), `source` the
 * TypeScript it is built from. Code that starts an entry by path writes
 * `new URL('./<source file>.ts', import.meta.url)`; the build rewrites that to `./<name>.js`.
 */
export const entries = [
  { name: 'cli', source: 'src/cli/main.ts' }, // bin/cairn.js
  { name: 'runner', source: 'src/engine/runner/child.ts' }, // one forked process per run
  { name: 'engineWorker', source: 'src/engine/runner/engineWorker.ts' }, // the runner's engine thread (child.ts starts it beside itself)
  { name: 'host', source: 'src/host/start.ts' }, // browser mode of `npm start`
  { name: 'shutdown', source: 'src/cli/shutdown.ts' }, // `npm start` ends its host or Electron on TERM/HUP/INT or when npm is gone
  { name: 'main', source: 'main/main.ts' }, // Electron main process
  { name: 'preload', source: 'main/preload.ts', format: 'cjs' }, // Electron preload (sandboxed: CommonJS)
];

/**
 * Packages bundled into the core instead of resolved from node_modules at run time: every start
 * needs them, and zod alone is 200+ module files whose resolution costs more than their code.
 * Everything else stays external (native modules, and the heavy libraries blocks load on use).
 */
const bundledPackages = ['zod', 'acorn'];

// Chunks live beside the entries (one folder), so a module's depth under dist/ is known below.
const chunkNames = '[name]-[hash]';

/**
 * Rewrites `new URL('<relative>', import.meta.url)` in our sources to the same target seen from
 * dist/core: resources and package.json stay where they are, an entry's source becomes its output.
 */
function relocateUrls() {
  const bySource = new Map(entries.map((entry) => [resolve(root, entry.source), `./${entry.name}.${entry.format === 'cjs' ? 'cjs' : 'js'}`]));
  const pattern = /new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;
  return {
    name: 'relocate-urls',
    /** @param {import('esbuild').PluginBuild} build */
    setup(build) {
      build.onLoad({ filter: /\.(ts|js)$/ }, async (args) => {
        if (args.path.includes('node_modules')) return undefined;
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(args.path, 'utf8');
        const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
        if (!text.includes('import.meta.url')) return { contents: text, loader };
        const contents = text.replace(pattern, (/** @type {string} */ _whole, /** @type {string} */ quote, /** @type {string} */ target) => {
          const absolute = resolve(dirname(args.path), target);
          const output = bySource.get(absolute);
          if (output) return `new URL(${quote}${output}${quote}, import.meta.url)`;
          const fromOut = relative(outDir, absolute).split('\\').join('/');
          const trailing = target.endsWith('/') ? '/' : '';
          return `new URL(${quote}${fromOut.startsWith('.') ? '' : './'}${fromOut}${trailing}${quote}, import.meta.url)`;
        });
        return { contents, loader };
      });
    },
  };
}

/** Builds every entry into a fresh folder, then moves the files in (one rename each: a process starting meanwhile reads whole files). */
export async function build({ quiet = false, clean = false } = {}) {
  const esbuild = await import('esbuild');
  const startedAt = Date.now();
  const staging = join(root, 'dist', `.core-${process.pid}-${startedAt}`);
  const pkg = /** @type {{ dependencies?: Record<string, string>, devDependencies?: Record<string, string> }} */ (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]
    .filter((name) => !bundledPackages.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node22',
    external,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [relocateUrls()],
  };
  const toInput = (/** @type {{ name: string, source: string }} */ entry) => ({ in: entry.source, out: entry.name });
  try {
    const results = await Promise.all([
      esbuild.build({ ...common, entryPoints: entries.filter((e) => e.format !== 'cjs').map(toInput), format: 'esm', splitting: true, outdir: staging, chunkNames }),
      esbuild.build({ ...common, entryPoints: entries.filter((e) => e.format === 'cjs').map(toInput), format: 'cjs', outdir: staging, outExtension: { '.js': '.cjs' } }),
    ]);
    const inputs = new Set();
    for (const result of results) for (const input of Object.keys(result.metafile.inputs)) if (!input.includes('node_modules')) inputs.add(input);
    // What decides the output besides the sources.
    for (const extra of ['scripts/build.js', 'scripts/buildStamp.js', 'package.json', 'tsconfig.json']) inputs.add(extra);
    // A clean build (`npm run build`, before packaging) leaves no chunk of an earlier one behind.
    if (clean) rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const files = readdirSync(staging);
    const isEntry = (file) => entries.some((e) => file === `${e.name}.js` || file === `${e.name}.cjs`);
    // Chunks first (new names), entries last: an entry never points at a chunk that is not there yet.
    for (const file of [...files.filter((f) => !isEntry(f)), ...files.filter(isEntry)]) renameSync(join(staging, file), join(outDir, file));
    pruneOldChunks(new Set(files));
    const outputs = Object.fromEntries(entries.map((e) => [e.source, `${e.name}.${e.format === 'cjs' ? 'cjs' : 'js'}`]));
    writeFileSync(stampFile, JSON.stringify({ builtAt: startedAt, entries: outputs, inputs: [...inputs].sort() }, null, 1));
    if (!quiet) console.error(`cairn: built ${entries.length} entry points into ${relative(root, outDir)} in ${Date.now() - startedAt} ms`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Chunks of earlier builds: kept an hour for processes still running from them, then removed. */
/** @param {Set<string>} current */
function pruneOldChunks(current) {
  const hourAgo = Date.now() - 3_600_000;
  for (const file of readdirSync(outDir)) {
    if (current.has(file) || file.startsWith('.')) continue;
    const path = join(outDir, file);
    if (statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true });
  }
}

/**
 * Builds when dist/core is missing or older than any of its sources. Concurrent callers (parallel
 * tests, two terminals) share one build: the first takes a lock file, the others wait for it.
 */
export async function ensureBuilt() {
  if (buildIsFresh()) return;
  const lock = join(root, 'dist', '.core-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      if (lockIsAbandoned(lock)) rmSync(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 50));
      if (buildIsFresh()) return;
    }
  }
  try {
    if (!buildIsFresh()) await build({ quiet: true });
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The lock of a builder that died (its pid is gone) or hangs for minutes. */
/** @param {string} lock */
function lockIsAbandoned(lock) {
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    const age = Date.now() - statSync(lock).mtimeMs;
    if (!Number.isInteger(pid)) return age > 10_000;
    process.kill(pid, 0);
    return age > 120_000;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code !== 'EPERM';
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await build({ clean: true });
