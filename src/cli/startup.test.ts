import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from './main.js';
import { repoRoot, runCli } from './testing/spawnCli.js';

// What start-up loads: the block catalog, `cairn --help` and a run that uses no such block must
// not load the heavy libraries (they are loaded by the block that needs them, on first use).
const heavy = ['playwright-core', 'exceljs', 'imapflow', 'mailparser', 'nodemailer', 'axios', 'iconv-lite', 'picomatch', 'undici'];
const recorder = join(repoRoot, 'scripts', 'record-loads.js');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-startup-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

let counter = 0;
const recordFile = () => join(dir, `loads-${++counter}.txt`);
const recordEnv = (file: string) => ({ CAIRN_RECORD_LOADS: file, NODE_OPTIONS: `--import=${recorder}` });

async function loadedPackages(file: string): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const names = lines.flatMap((line) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    return match ? [match[1]] : [];
  });
  return [...new Set(names)].sort();
}

describe('start-up loads no heavy library', { timeout: 120_000 }, () => {
  it('the block catalog (from sources) loads none of them; loading one through its loader is seen', async () => {
    const file = recordFile();
    const script = [
      "const { catalogInfo } = await import('./src/activities/catalog.ts');",
      'console.log(catalogInfo().length);',
      "const { appendFileSync } = await import('node:fs');",
      `appendFileSync(${JSON.stringify(file)}, '--- catalog loaded\\n');`,
      "await (await import('./src/activities/libraries.ts')).loadExcelJS();",
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, ...recordEnv(file) },
    });
    expect(Number(stdout.trim())).toBeGreaterThan(100);
    const text = await readFile(file, 'utf8');
    const [beforeMark, afterMark] = text.split('--- catalog loaded\n');
    const byCatalog = await loadedPackagesOf(beforeMark);
    expect(byCatalog.filter((name) => heavy.includes(name))).toEqual([]);
    // The recorder sees a heavy library when one is loaded (so the check above can fail).
    expect(await loadedPackagesOf(afterMark)).toContain('exceljs');
  });

  it('`cairn --help` loads no command module and no heavy library', async () => {
    const file = recordFile();
    const { code, stdout } = await runCli(['--help'], { env: recordEnv(file) });
    expect(code).toBe(0);
    for (const { usage } of Object.values(commands)) expect(stdout).toContain(usage);
    expect((await loadedPackages(file)).filter((name) => heavy.includes(name))).toEqual([]);
    const loaded = await readFile(file, 'utf8');
    expect(loaded).toContain('/dist/core/cli.js');
    expect(loaded).not.toMatch(/\/dist\/core\/(run|validate|robot|orchestrator|designer|docs|new)-[A-Z0-9]+\.js/);
  });

  it('`cairn run` of a scenario that uses no such block loads none of them, in the CLI or the runner', async () => {
    const file = recordFile();
    const { code, stdout } = await runCli(['run', 'resources/samples/hello'], { env: recordEnv(file) });
    expect(code).toBe(0);
    expect(stdout).toContain('Hello, Cairn!');
    const loaded = await readFile(file, 'utf8');
    expect(loaded).toContain('/dist/core/runner.js');
    expect((await loadedPackages(file)).filter((name) => heavy.includes(name))).toEqual([]);
  });

  it('the help table says what each command module says of itself', async () => {
    for (const [name, entry] of Object.entries(commands)) {
      const { command } = await entry.load();
      expect({ name: command.name, usage: command.usage, summary: command.summary }).toEqual({ name, usage: entry.usage, summary: entry.summary });
    }
  });
});

async function loadedPackagesOf(text: string): Promise<string[]> {
  const names = text.split('\n').flatMap((line) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    return match ? [match[1]] : [];
  });
  return [...new Set(names)].sort();
}
