import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/types.js';
import { writeScenarioFile } from '../../scenario/io.js';
import { SCENARIO_FORMAT, scenarioSchema } from '../../scenario/schema.js';
import { repoRoot, runCli, startCli } from '../testing/spawnCli.js';

// Each case starts the real CLI and its runner process; a loaded machine needs time for that.
const SLOW = 120_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-run-'));
});

async function scenarioFile(
  name: string,
  blocks: unknown[],
  links: unknown[],
  variables: unknown[] = [],
): Promise<string> {
  const file = join(dir, `${name}.scenario.json`);
  await writeScenarioFile(
    file,
    scenarioSchema.parse({ format: SCENARIO_FORMAT, id: name, name, variables, blocks, links }),
  );
  return file;
}

const events = (stdout: string): RunEvent[] =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as RunEvent);

describe('cairn run: the samples', () => {
  it('hello logs its greeting for the name argument and exits 0', { timeout: SLOW }, async () => {
    const { code, stdout } = await runCli(['run', 'resources/samples/hello', '--var', 'name=Ann']);
    expect(stdout).toContain('INFO  Hello, Cairn!');
    expect(stdout).toContain('INFO  Nice to meet you, Ann!');
    expect(stdout).toContain('greeting = "Nice to meet you, Ann!"');
    expect(code).toBe(0);
  });

  it(
    'loop-with-errors handles the bad record through the error port and counts',
    { timeout: SLOW },
    async () => {
      const { code, stdout } = await runCli(['run', 'resources/samples/loop-with-errors']);
      expect(stdout).toContain('WARN  Record Bob failed: Negative amount for Bob');
      expect(stdout).toContain('Processed: 2 ok, 1 failed, total 150');
      expect(stdout).toMatch(/ok = 2\n\s+failed = 1\n\s+total = 150/);
      expect(code).toBe(0);
    },
  );

  it(
    'invoke calls the sub-scenario with arguments and gets its result (NDJSON)',
    { timeout: SLOW },
    async () => {
      const { code, stdout } = await runCli([
        'run',
        'resources/samples/invoke',
        '--json',
        '--var',
        'quantity=2',
      ]);
      const all = events(stdout);
      expect(all[0]).toMatchObject({ type: 'run.started', name: 'Invoke a sub-scenario' });
      expect(
        all.filter((e) => e.type === 'log').map((e) => e.type === 'log' && [e.scenario, e.message]),
      ).toEqual([
        ['Total with discount', 'Sub-scenario computed 450'],
        ['Invoke a sub-scenario', 'Total: 450'],
      ]);
      expect(all.at(-1)).toMatchObject({ type: 'run.finished', result: 'success', outputs: { total: 450 } });
      expect(code).toBe(0);
    },
  );
});

describe('cairn run: arguments', () => {
  it(
    'reads in-arguments from the vendor args file and writes out-arguments back',
    { timeout: SLOW },
    async () => {
      const argsFile = join(dir, 'args.json');
      await writeFile(
        argsFile,
        JSON.stringify([
          { Name: 'name', Type: 'Text', Direction: 'In', Value: 'Ivan' },
          { Name: 'greeting', Type: 'Text', Direction: 'Out', Value: null },
        ]),
      );
      const { code } = await runCli(['run', 'resources/samples/hello', '--args', argsFile]);
      expect(code).toBe(0);
      expect(JSON.parse(await readFile(argsFile, 'utf8'))).toEqual([
        { Name: 'name', Type: 'Text', Direction: 'In', Value: 'Ivan' },
        { Name: 'greeting', Type: 'Text', Direction: 'Out', Value: 'Nice to meet you, Ivan!' },
      ]);
    },
  );

  it(
    'adds out-arguments the file does not list, and --var overrides the file',
    { timeout: SLOW },
    async () => {
      const argsFile = join(dir, 'records.json');
      const records = [
        { name: 'A', amount: 1 },
        { name: 'B', amount: -1 },
      ];
      await writeFile(
        argsFile,
        JSON.stringify([{ Name: 'records', Type: 'List', Direction: 'In', Value: records }]),
      );
      const { code } = await runCli(['run', 'resources/samples/loop-with-errors', '--args', argsFile]);
      expect(code).toBe(0);
      const written = JSON.parse(await readFile(argsFile, 'utf8')) as {
        Name: string;
        Type: string;
        Direction: string;
        Value: unknown;
      }[];
      expect(written.map((a) => [a.Name, a.Type, a.Direction, a.Value])).toEqual([
        ['records', 'List', 'In', records],
        ['ok', 'Number', 'Out', 1],
        ['failed', 'Number', 'Out', 1],
        ['total', 'Number', 'Out', 1],
      ]);
    },
  );

  it('refuses an argument the scenario does not take, before running', { timeout: SLOW }, async () => {
    const { code, stdout, stderr } = await runCli(['run', 'resources/samples/hello', '--var', 'nmae=Ann']);
    expect(code).toBe(2);
    expect(stderr).toContain('has no input argument "nmae" (its inputs: name)');
    expect(stdout).not.toContain('Running');
  });
});

describe('cairn run: results and exit codes', () => {
  it(
    'exits 2 with file:line:col when validation finds errors, without running',
    { timeout: SLOW },
    async () => {
      const file = await scenarioFile(
        'invalid',
        [
          { id: 'start', type: 'core.start' },
          { id: 'log', type: 'core.log', params: { message: { expr: 'a +' } } },
        ],
        [{ from: 'start', to: 'log' }],
      );
      const { code, stdout, stderr } = await runCli(['run', file]);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        new RegExp(`${file}:\\d+:\\d+: error expr\\.syntax at blocks\\[1\\]\\.params\\.message`),
      );
      expect(stderr).toContain('Not started');
      expect(stdout).toBe('');
    },
  );

  it('exits 1 and names the failing block', { timeout: SLOW }, async () => {
    const file = await scenarioFile(
      'fails',
      [
        { id: 'start', type: 'core.start' },
        { id: 'boom', type: 'core.throw', params: { message: 'No invoices today' } },
      ],
      [{ from: 'start', to: 'boom' }],
    );
    const { code, stderr } = await runCli(['run', file]);
    expect(stderr).toMatch(/✖ Failed after .*: .*No invoices today.*block "boom"/);
    expect(code).toBe(1);
  });

  it('Ctrl+C stops softly (exit 3)', { timeout: SLOW }, async () => {
    const file = await scenarioFile(
      'waits',
      [
        { id: 'start', type: 'core.start' },
        { id: 'wait', type: 'core.delay', params: { ms: 600_000 } },
      ],
      [{ from: 'start', to: 'wait' }],
    );
    const run = startCli(['run', file, '--json']);
    await run.waitFor((out) => out.includes('"blockId":"wait"'));
    run.child.kill('SIGINT');
    const { code, stdout } = await run.exit;
    expect(events(stdout).at(-1)).toMatchObject({ type: 'run.finished', result: 'stopped' });
    expect(code).toBe(3);
  });

  // The script ignores the stop request (it never looks at ctx.signal), as user code often does.
  it('a second Ctrl+C aborts a block that does not stop (exit 4)', { timeout: SLOW }, async () => {
    const file = await scenarioFile(
      'spins',
      [
        { id: 'start', type: 'core.start' },
        {
          id: 'spin',
          type: 'core.script',
          params: { code: 'for (;;) await new Promise((resolve) => setTimeout(resolve, 20));' },
        },
      ],
      [{ from: 'start', to: 'spin' }],
    );
    const run = startCli(['run', file]);
    await run.waitFor((out) => out.includes('Running "spins"'));
    run.child.kill('SIGINT');
    await run.waitFor((_out, err) => err.includes('Ctrl+C again to abort'));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exit;
    expect(stderr).toContain('■ Aborted');
    expect(code).toBe(4);
  });
});

describe('cairn run --debug-break', () => {
  it('pauses before the block, shows variables, steps and continues', { timeout: SLOW }, async () => {
    const { code, stdout } = await runCli(
      ['run', 'resources/samples/hello', '--debug-break', 'compose', '--var', 'name=Olga'],
      {
        input: 'v\nn\nv\nc\n',
      },
    );
    expect(stdout).toContain('⏸ Paused before block "compose" (breakpoint)');
    expect(stdout).toContain('name = "Olga"');
    expect(stdout).toContain('⏸ Paused before block "greet" (step)');
    expect(stdout).toContain('greeting = "Nice to meet you, Olga!"');
    expect(stdout).toContain('INFO  Nice to meet you, Olga!');
    expect(code).toBe(0);
  });

  it('Ctrl+C at a pause stops the run (exit 3)', { timeout: SLOW }, async () => {
    const run = startCli(['run', 'resources/samples/hello', '--debug-break', 'compose']);
    await run.waitFor((out) => out.includes('⏸ Paused before block "compose"'));
    run.child.kill('SIGINT');
    const { code, stdout, stderr } = await run.exit;
    expect(stderr).toContain('■ Stopped');
    expect(stdout).not.toContain('continuing');
    expect(stdout).not.toContain('Nice to meet you');
    expect(code).toBe(3);
  });

  it('refuses a breakpoint on a block that does not exist', { timeout: SLOW }, async () => {
    const { code, stderr } = await runCli(['run', 'resources/samples/hello', '--debug-break', 'nowhere']);
    expect(stderr).toContain('--debug-break: no block "nowhere" in "Hello"');
    expect(code).toBe(2);
  });
});

describe('cairn run on a terminal', () => {
  // util-linux `script` gives the CLI a real pseudo-terminal, as a user's shell would.
  it(
    'shows a live status line with the current block above which log lines scroll',
    { timeout: SLOW },
    async () => {
      const output = await new Promise<string>((resolve, reject) => {
        const child = spawn(
          'script',
          ['-qfec', 'stty cols 120; node bin/cairn.js run resources/samples/hello', '/dev/null'],
          {
            cwd: repoRoot,
            env: { ...process.env, NO_COLOR: '1' },
          },
        );
        let text = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text}`)),
        );
      });
      // The status line is redrawn in place: carriage return + erase line (ESC [2K).
    expect(output).toMatch(new RegExp(String.raw`\r\x1b\[2K▶ hello \(core\.log\) · \d+ ms`));
      expect(output).toContain('\r\x1b[2KINFO  Hello, Cairn!');
      expect(output).toContain('✔ Success in');
    },
  );
});
