#!/usr/bin/env node
// `npm start`: the desktop app when Electron can run here, the very same UI in the browser
// otherwise. Usage: npm start -- [project-dir] [--assistant] [--browser] [--no-open] [--port N] [--data DIR]
// --assistant opens the Assistant (the attended robot app) instead of the Designer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const INSTALL_TIMEOUT_MS = 30_000;

const { values, positionals } = parseArgs({
  options: {
    browser: { type: 'boolean' },
    assistant: { type: 'boolean' },
    'no-open': { type: 'boolean' },
    port: { type: 'string' },
    data: { type: 'string' },
  },
  allowPositionals: true,
});

/**
 * The Electron binary's path, or why there is none. Read from the package's path.txt rather than
 * `require('electron')`, which would start an unbounded download with its own output.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'its binary was never downloaded' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), relative);
  return existsSync(path) ? { path } : { reason: `not found at ${path}` };
}

/** Electron ships its binary separately; fetch it once, briefly (no network → give up fast). */
function fetchElectronOnce() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed';
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [installer], {
    cwd: root,
    env,
    stdio: 'ignore',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (result.error) return `download failed: ${result.error.message}`;
  return result.status === 0 ? undefined : `download failed (exit code ${result.status})`;
}

function npmRun(script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '-s', script], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

/** Why Electron cannot run here, or undefined when it can. */
function electronUnavailable() {
  if (values.browser) return 'browser mode requested';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'no display';
  let binary = electronBinary();
  if (binary.reason) {
    const failure = fetchElectronOnce();
    if (failure) return `${binary.reason}; ${failure}`;
    binary = electronBinary();
    if (binary.reason) return binary.reason;
  }
  return undefined;
}

async function startElectron() {
  npmRun('build:renderer');
  npmRun('build:electron');
  const args = [root, ...positionals, ...(values.assistant ? ['--assistant'] : [])];
  const child = spawn(electronBinary().path, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  // Ctrl+C, TERM, HUP, or npm gone: Electron goes with us (it closes its runners itself).
  await shutdownHelper().then(({ untilShutdown }) => untilShutdown());
  child.kill('SIGTERM');
}

/**
 * The shared shutdown helper (src/cli/shutdown.ts), from the built core (rebuilt when stale).
 * @returns {Promise<typeof import('../src/cli/shutdown.js')>}
 */
async function shutdownHelper() {
  const { ensureBuilt } = await import('./build.js');
  await ensureBuilt();
  return import('../dist/core/shutdown.js');
}

async function startBrowser(reason) {
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) npmRun('build:renderer');
  // The built core (dist/core/host.js), rebuilt first when a source changed.
  const { ensureBuilt } = await import('./build.js');
  await ensureBuilt();
  const { startHost, openBrowser, defaultDataDir } = /** @type {typeof import('../src/host/start.js')} */ (await import('../dist/core/host.js'));
  // Listening before the URL line is printed: a Ctrl+C right after it must close the host too.
  const { onShutdown } = /** @type {typeof import('../src/cli/shutdown.js')} */ (await import('../dist/core/shutdown.js'));
  let shutdown;
  const shutdownAsked = new Promise((resolve) => (shutdown = resolve));
  onShutdown(() => shutdown());
  const host = await startHost({
    port: values.port === undefined ? 0 : Number(values.port),
    dataDir: values.data ?? defaultDataDir(),
    ...(values.assistant ? { face: 'assistant', assistantPaths: positionals } : { projectDir: positionals[0] }),
  });
  console.log(`Electron binary unavailable (${reason}); opening Cairn in browser mode at ${host.url}`);
  if (!values['no-open']) await openBrowser(host.url);
  // Ctrl+C, TERM, HUP, or npm gone (it runs us under `sh -c`, which does not pass TERM on):
  // close the host, which aborts the runs it started, then leave.
  await shutdownAsked;
  await host.close();
  process.exit(0);
}

const reason = electronUnavailable();
await (reason ? startBrowser(reason) : startElectron());
