/**
 * Designer benchmark (`npm run bench:designer`), in real Chromium:
 *  1. open a generated 1,000-block scenario in the Designer (served by the real host) and time
 *     until every block is on the canvas — from clicking it in the project explorer, and from a
 *     cold page load;
 *  2. drag one block through 120 small mouse moves while a requestAnimationFrame loop records
 *     frame times;
 *  3. the same on a bare React Flow page (bench/designer-bare) with the same nodes and edges,
 *     in the same run, for ratios. Medians of several rounds.
 * Targets: ≤ 1.0 s to canvas, drag ≤ 1.2× bare, p95 frame ≤ 20 ms.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { startHost } from '../src/host/host.js';
import { serializeScenario } from '../src/scenario/serialize.js';
import { ensureRendererBuilt } from '../e2e/support/build.js';
import { launchChromium } from '../e2e/support/browser.js';
import { generateScenario } from './designer-bare/scenario.js';

const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MOVES = 120;
const repo = fileURLToPath(new URL('..', import.meta.url));

type Drag = { ms: number; median: number; p95: number; frames: number };

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

async function buildBarePage(): Promise<string> {
  const outDir = join(repo, 'dist/bench-designer-bare');
  await build({
    configFile: false,
    mode: 'production',
    root: join(repo, 'bench/designer-bare'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serveStatic(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html')));
    if (!path.startsWith(dir)) return void res.writeHead(403).end();
    readFile(path).then(
      (body) => res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Page-clock milliseconds when the canvas shows its blocks: `count` nodes (or, with undefined,
 * the start block and whatever is in view) rendered and measured; and how many were rendered.
 */
function waitForNodes(page: Page, count: number | undefined): Promise<{ at: number; rendered: number }> {
  return withDeadline(page.evaluate(
    (n) =>
      new Promise<{ at: number; rendered: number }>((resolve) => {
        const check = () => {
          const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
          // `log1` exists only in the generated scenario, not in the small one open before it.
          const ready = n === null ? !!document.querySelector('[data-id="log1"]') : nodes.length === n;
          if (ready && [...nodes].every((el) => el.style.visibility !== 'hidden')) resolve({ at: performance.now(), rendered: nodes.length });
          else requestAnimationFrame(check);
        };
        check();
      }),
    count ?? null,
  ), `${count ?? 'the opening view of'} blocks on the canvas`);
}

/** After a view change: resolves when the number of drawn blocks has settled (10 frames). */
function waitForStableNodes(page: Page): Promise<number> {
  return withDeadline(
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = -1;
          let same = 0;
          const check = () => {
            const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
            const measured = [...nodes].every((el) => el.style.visibility !== 'hidden');
            same = measured && nodes.length === last ? same + 1 : 0;
            last = nodes.length;
            if (same >= 10) resolve(last);
            else requestAnimationFrame(check);
          };
          check();
        }),
    ),
    'the canvas to settle',
  );
}

function withDeadline<T>(promise: Promise<T>, what: string, ms = 120_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Benchmark timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Drags the node nearest the canvas centre through MOVES small steps, recording frame times. */
async function dragWithFrames(page: Page): Promise<Drag> {
  const start = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    let best = { x: 0, y: 0, d: Infinity };
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (d < best.d) best = { x, y, d };
    }
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const loop = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(loop);
    });
    return best;
  });
  const t0 = performance.now();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(start.x + i * 2, start.y + i);
  await page.mouse.up();
  const ms = performance.now() - t0;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  return { ms, median: median(frames), p95: quantile(frames, 0.95), frames: frames.length };
}

/**
 * A page for measuring. tsx compiles this file with esbuild's keep-names, which wraps functions
 * passed to `page.evaluate` in a `__name` helper the page doesn't have; define it as identity.
 */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  page.setDefaultTimeout(120_000); // the machine may be busy; this measures, it doesn't judge
  return page;
}

async function main(): Promise<void> {
  await ensureRendererBuilt();
  const bareDir = await buildBarePage();
  const bare = await serveStatic(bareDir);
  const root = await mkdtemp(join(tmpdir(), 'cairn-bench-designer-'));
  // Two projects with the same big scenario: one opens a small main scenario first (to time
  // opening the big one from the explorer), one opens the big one at start (cold page load).
  // Each has its own host and data folder, so nothing of one run (recovery files) leaks into the other.
  const writeProject = async (dir: string, main: string) => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'cairn.project.json'), JSON.stringify({ format: 'cairn.project/1', name: 'Bench', version: '1.0.0', main }, null, 2));
    await writeFile(join(dir, 'main.scenario.json'), serializeScenario({ ...generateScenario(2), name: 'Main', id: 'main' }));
    await writeFile(join(dir, 'big.scenario.json'), serializeScenario(generateScenario(BLOCKS)));
  };
  await writeProject(join(root, 'warm'), 'main.scenario.json');
  await writeProject(join(root, 'cold'), 'big.scenario.json');
  const host = await startHost({ dataDir: join(root, 'data-warm'), projectDir: join(root, 'warm') });
  const coldHost = await startHost({ dataDir: join(root, 'data-cold'), projectDir: join(root, 'cold') });
  const browser = await launchChromium();
  const results = {
    open: [] as number[],
    rendered: [] as number[],
    renderedAll: [] as number[],
    cold: [] as number[],
    bareCold: [] as number[],
    designer: [] as Drag[],
    designerAll: [] as Drag[],
    bare: [] as Drag[],
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Designer: open the big scenario from the explorer.
      const page = await newPage(browser);
      await page.goto(host.url);
      // A previous round's drag may have left a recovery copy (its discard raced the page close).
      const recovery = page.getByRole('dialog', { name: 'Recover unsaved changes?' });
      await page.getByTestId('block-start').or(recovery).first().waitFor();
      if (await recovery.isVisible()) await recovery.getByRole('button', { name: 'Discard' }).click();
      await page.getByTestId('block-start').waitFor();
      const explorerItem = page.getByRole('region', { name: 'Project' }).getByRole('button', { name: 'Big', exact: true });
      await explorerItem.waitFor();
      const clicked = await page.evaluate(() => performance.now());
      const shown = waitForNodes(page, undefined);
      await explorerItem.click();
      const opened = await shown;
      results.open.push(opened.at - clicked);
      results.rendered.push(opened.rendered);
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      results.designer.push(await dragWithFrames(page));
      // Fit to screen: now all blocks are in view and rendered, as on the bare page.
      await page.getByRole('button', { name: 'Fit to screen' }).click();
      results.renderedAll.push(await waitForStableNodes(page));
      results.designerAll.push(await dragWithFrames(page));
      // Undo both moves: the scenario is clean again, so no recovery is offered next time.
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await page.getByRole('tab', { name: 'Big' }).getByTestId('dirty-marker').waitFor({ state: 'detached' });
      await page.close();

      // Designer, cold: a page load of a project whose main scenario is the big one.
      const cold = await newPage(browser);
      await cold.goto(coldHost.url);
      results.cold.push((await waitForNodes(cold, undefined)).at);
      await cold.close();

      // Bare React Flow, same nodes and edges, same canvas size.
      const barePage = await newPage(browser);
      const { port } = bare.address() as AddressInfo;
      await barePage.goto(`http://127.0.0.1:${port}/?blocks=${BLOCKS}&w=${Math.round(canvas.width)}&h=${Math.round(canvas.height)}`);
      results.bareCold.push((await waitForNodes(barePage, BLOCKS)).at);
      results.bare.push(await dragWithFrames(barePage));
      await barePage.close();
    }
  } finally {
    await browser.close();
    await host.close();
    await coldHost.close();
    bare.close();
    await rm(root, { recursive: true, force: true });
  }
  const pick = (drags: Drag[]) => ({
    ms: median(drags.map((d) => d.ms)),
    median: median(drags.map((d) => d.median)),
    p95: median(drags.map((d) => d.p95)),
  });
  const d = pick(results.designer);
  const all = pick(results.designerAll);
  const b = pick(results.bare);
  const f = (x: number) => x.toFixed(1);
  const row = (name: string, x: ReturnType<typeof pick>) =>
    `  ${name.padEnd(34)} drag ${f(x.ms).padStart(8)} ms (${(x.ms / b.ms).toFixed(2)}× bare) | frame median ${f(x.median)} ms | p95 ${f(x.p95)} ms (${(x.p95 / b.p95).toFixed(2)}× bare)`;
  console.log(`Designer benchmark: ${BLOCKS} blocks, ${MOVES}-move drag, median of ${ROUNDS} rounds (Chromium, 1440×900)`);
  console.log(`  time to canvas, open from explorer : ${f(median(results.open))} ms, ${median(results.rendered)} blocks in view rendered (target ≤ 1000 ms)`);
  console.log(`  time to canvas, cold page load     : ${f(median(results.cold))} ms   (bare React Flow page, all ${BLOCKS}: ${f(median(results.bareCold))} ms)`);
  console.log(row('Designer, opening view', d));
  console.log(row(`Designer, fit to screen (${median(results.renderedAll)} drawn)`, all));
  console.log(row(`bare React Flow (${BLOCKS} drawn)`, b));
  console.log('  targets: drag ≤ 1.2× bare, p95 frame ≤ 20 ms');
}

await main();
