/**
 * RPA Challenge benchmark (`npm run bench:rpa`): our own replica of the RPA Challenge page
 * (rpachallenge.com — ten rounds of a seven-field form whose fields move and whose inputs get new
 * names every round, each `<label>` beside its `<input>` without `for`), served on loopback, with
 * its data in an .xlsx this bench writes with ExcelJS. Solved twice per run, alternately:
 *   - by a Cairn scenario run by the real engine, finding every field **by label**;
 *   - by a hand-written Playwright script on the same page, in the same process.
 * The page itself times each solve (Start → last Submit) and checks every field, so the figure is
 * page time only (no browser start-up on either side). Medians of BENCH_ROUNDS runs (default 3).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { chain, makeScenario, runScenario } from '../src/engine/testing/scenarios.js';
import { browserArgs, findBrowserExecutable } from '../src/activities/web/lib/executable.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FIELDS = ['First Name', 'Last Name', 'Company Name', 'Role in Company', 'Address', 'Email', 'Phone Number'] as const;
type Row = Record<(typeof FIELDS)[number], string>;

/** Ten people, fixed, so every solve types the same text. */
const people: Row[] = Array.from({ length: 10 }, (_, i) => ({
  'First Name': ['John', 'Jane', 'Albert', 'Michael', 'Doug', 'Jessie', 'Stan', 'Michelle', 'Stacy', 'Lara'][i],
  'Last Name': ['Smith', 'Dorsey', 'Kipling', 'Robertson', 'Derro', 'Marlowe', 'Hamm', 'Norton', 'Shelby', 'Palmer'][i],
  'Company Name': `Company ${i + 1} Ltd`,
  'Role in Company': ['Analyst', 'Medical Engineer', 'Accountant', 'IT Specialist', 'Analyst', 'Scientist', 'Advisor', 'Scientist', 'HR Manager', 'Programmer'][i],
  Address: `${100 + i * 7} Main Street, Springfield`,
  Email: `person${i + 1}@example.com`,
  'Phone Number': String(40716543298 + i * 1111),
}));

/** The page: Start shows round 1; each Submit checks the fields and lays out the next round. */
const challengePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>RPA Challenge (replica)</title>
<style>form{display:grid;grid-template-columns:1fr 1fr;gap:8px;max-width:700px} label{display:block}</style></head><body>
<h1>RPA Challenge</h1><button id="start">Start</button><form id="form" hidden></form><div id="result"></div>
<script>
const FIELDS = ${JSON.stringify(FIELDS)};
const people = ${JSON.stringify(people)};
let round = 0, correct = 0, began = 0;
const form = document.getElementById('form');
function shuffle(a) { a = [...a]; for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; }
function layout() {
  form.innerHTML = '';
  for (const field of shuffle(FIELDS)) {
    const cell = document.createElement('div');
    const name = 'f' + Math.random().toString(36).slice(2, 9);
    cell.innerHTML = '<div><label></label><input name="' + name + '"></div>';
    cell.querySelector('label').textContent = field;
    cell.querySelector('input').dataset.field = field;
    form.append(cell);
  }
  const submit = document.createElement('input');
  submit.type = 'submit'; submit.value = 'Submit';
  form.append(submit);
}
document.getElementById('start').onclick = () => { began = performance.now(); round = 0; correct = 0; form.hidden = false; layout(); };
form.onsubmit = (e) => {
  e.preventDefault();
  for (const input of form.querySelectorAll('input[data-field]')) if (input.value === people[round][input.dataset.field]) correct++;
  round++;
  if (round < people.length) return layout();
  const ms = Math.round(performance.now() - began);
  form.hidden = true;
  document.getElementById('result').textContent = 'Congratulations! Your success rate is ' + Math.round(correct / 70 * 100) + '% (' + correct + ' out of 70 fields) in ' + ms + ' milliseconds';
  fetch('/result', { method: 'POST', body: JSON.stringify({ correct, ms: performance.now() - began }) });
};
</script></body></html>`;

type Result = { correct: number; ms: number };

async function startSite(): Promise<{ url: string; nextResult(): Promise<Result>; close(): Promise<void> }> {
  let waiting: ((r: Result) => void) | undefined;
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((done) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => done(body));
    });
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/result') {
      void readBody(req).then((body) => {
        waiting?.(JSON.parse(body) as Result);
        res.end('ok');
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(challengePage);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    nextResult: () => new Promise<Result>((done) => (waiting = done)),
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow([...FIELDS]);
  for (const person of people) sheet.addRow(FIELDS.map((f) => person[f]));
  await book.xlsx.writeFile(path);
}

/** What a Cairn user draws: read the sheet, Start, for each row fill seven fields by label, Submit. */
function cairnScenario() {
  const fields = FIELDS.map((field, i) => ({
    id: `f${i}`,
    type: 'web.fill',
    params: { by: 'label', selector: field, value: { expr: `row[${JSON.stringify(field)}]` } },
  }));
  return makeScenario({
    name: 'RPA Challenge',
    variables: [
      { name: 'url', type: 'text', direction: 'in' },
      { name: 'data', type: 'text', direction: 'in' },
      { name: 'rows', type: 'table' },
      { name: 'row', type: 'any' },
    ],
    blocks: [
      { id: 'start', type: 'core.start' },
      { id: 'open', type: 'web.openBrowser', params: { url: { expr: 'url' } } },
      { id: 'read', type: 'excel.readSheet', params: { path: { expr: 'data' } }, outputs: { table: 'rows' } },
      { id: 'go', type: 'web.click', params: { selector: 'role=button[name="Start"]' } },
      { id: 'each', type: 'core.forEach', params: { items: { expr: 'rows' } }, outputs: { item: 'row' } },
      ...fields,
      { id: 'submit', type: 'web.click', params: { selector: 'input[type=submit]' } },
      { id: 'done', type: 'web.waitForText', params: { text: 'Congratulations' } },
    ],
    links: [...chain('start', 'open', 'read', 'go', 'each'), ['each', 'f0', 'body'], ...chain(...fields.map((f) => f.id), 'submit'), ['each', 'done', 'done']],
  });
}

async function solveWithCairn(url: string, data: string): Promise<void> {
  const { summary } = await runScenario(cairnScenario(), { args: { url, data } });
  if (summary.result !== 'success') throw new Error(`Cairn run ended ${summary.result}: ${summary.error?.message ?? ''}`);
}

/** What a person writes by hand with Playwright for the same page. */
async function solveWithPlaywright(url: string, data: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: findBrowserExecutable(undefined), args: browserArgs });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(data);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((r, n) => {
      if (n > 1) rows.push(FIELDS.map((_, i) => String(r.getCell(i + 1).value ?? '')));
    });
    await page.getByRole('button', { name: 'Start' }).click();
    for (const row of rows) {
      for (const [i, field] of FIELDS.entries()) await page.locator(`label:text-is("${field}") + input`).fill(row[i]);
      await page.locator('input[type=submit]').click();
    }
    await page.getByText('Congratulations').waitFor();
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const dir = await mkdtemp(join(tmpdir(), 'cairn-rpa-'));
const data = join(dir, 'challenge.xlsx');
await writeWorkbook(data);
const site = await startSite();
const timed = async (solve: () => Promise<void>): Promise<Result> => {
  const result = site.nextResult();
  await solve();
  return result;
};
try {
  // Warm-up (not counted): first launches load Chromium from disk, first run compiles the engine.
  await timed(() => solveWithPlaywright(site.url, data));
  await timed(() => solveWithCairn(site.url, data));
  const cairn: Result[] = [];
  const script: Result[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    script.push(await timed(() => solveWithPlaywright(site.url, data)));
    cairn.push(await timed(() => solveWithCairn(site.url, data)));
  }
  const c = median(cairn.map((r) => r.ms));
  const s = median(script.map((r) => r.ms));
  const ratio = c / s;
  console.log(`RPA Challenge replica: 10 rounds × 7 fields found by label, median of ${ROUNDS} runs each, page time (Start → last Submit)`);
  console.log(`  Playwright script  ${s.toFixed(0).padStart(6)} ms   correct ${script.map((r) => `${r.correct}/70`).join(', ')}`);
  console.log(`  Cairn scenario     ${c.toFixed(0).padStart(6)} ms   correct ${cairn.map((r) => `${r.correct}/70`).join(', ')}`);
  console.log(`  ratio              ${ratio.toFixed(2)}x   target <= 1.1x   ${ratio <= 1.1 ? 'OK' : 'OVER'}`);
  if ([...cairn, ...script].some((r) => r.correct !== 70)) process.exitCode = 1;
} finally {
  await site.close();
  await rm(dir, { recursive: true, force: true });
}
