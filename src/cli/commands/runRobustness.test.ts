import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/types.js';
import { writeScenarioFile } from '../../scenario/io.js';
import { SCENARIO_FORMAT, scenarioSchema } from '../../scenario/schema.js';
import { runCli, startCli } from '../testing/spawnCli.js';

// The real CLI, its runner process and the engine thread: seconds each on a loaded machine.
const SLOW = 120_000;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-robust-'));
});

async function scenario(name: string, codes: string[], variables: unknown[] = []): Promise<string> {
  const file = join(dir, `${name}.scenario.json`);
  const ids = codes.map((_, i) => `b${i + 1}`);
  const blocks = [{ id: 'start', type: 'core.start' }, ...codes.map((code, i) => ({ id: ids[i], type: 'core.script', params: { code } }))];
  const links = ['start', ...ids].slice(0, -1).map((from, i) => ({ from, to: ids[i] }));
  await writeScenarioFile(file, scenarioSchema.parse({ format: SCENARIO_FORMAT, id: name, name, variables, blocks, links }));
  return file;
}

const compute = (id: string, ms: number) => `log('computing ${id}'); const end = Date.now() + ${ms}; while (Date.now() < end) {}`;

const events = (stdout: string): RunEvent[] =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as RunEvent);

describe('cairn run: blocks that keep the CPU busy', () => {
  it('Ctrl+C once stops at the next block boundary (exit 3), not after all six', { timeout: SLOW }, async () => {
    const file = await scenario('six', [1, 2, 3, 4, 5, 6].map((n) => compute(`b${n}`, 1500)));
    const run = startCli(['run', file]);
    await run.waitFor((out) => out.includes('computing b1'));
    run.child.kill('SIGINT');
    const { code, stdout, stderr } = await run.exit;
    expect(stderr).toContain('■ Stopped');
    expect(stdout).not.toContain('computing b3');
    expect(code).toBe(3);
  });

  it('Ctrl+C twice aborts (exit 4) and every line logged before is printed', { timeout: SLOW }, async () => {
    const file = await scenario('six-abort', [`log('first'); ${compute('b1', 600_000)}`]);
    const run = startCli(['run', file]);
    await run.waitFor((out) => out.includes('computing b1'));
    run.child.kill('SIGINT');
    await run.waitFor((_out, err) => err.includes('Ctrl+C again to abort'));
    run.child.kill('SIGINT');
    const { code, stdout, stderr } = await run.exit;
    expect(stdout).toContain('INFO  first');
    expect(stdout).toContain('INFO  computing b1');
    expect(stderr).toContain('■ Aborted');
    expect(code).toBe(4);
  });

  it('a block that never returns is aborted after --stop-grace, and the run says why (exit 4)', { timeout: SLOW }, async () => {
    const file = await scenario('forever', ["log('spinning'); while (true) {}"]);
    const run = startCli(['run', file, '--stop-grace', '1']);
    await run.waitFor((out) => out.includes('spinning'));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exit;
    expect(stderr).toMatch(/■ Aborted after .*did not return within the stop grace of 1 s/);
    expect(code).toBe(4);
  });

  it('a runaway block fails the run "ran out of memory" without a V8 dump (exit 1)', { timeout: SLOW }, async () => {
    const file = await scenario('hungry', ["log('eating'); const all = []; for (;;) all.push(new Array(100000).fill(Math.random()));"]);
    const { code, stdout, stderr } = await runCli(['run', file, '--max-memory', '64']);
    expect(stdout).toContain('INFO  eating');
    expect(stderr).toContain('ran out of memory (limit 64 MB)');
    expect(stderr).not.toMatch(/FATAL ERROR|Last few GCs|JS stacktrace|at \S+ \(/);
    expect(code).toBe(1);
  });
});

describe('cairn run --json: secrets never leak', () => {
  it('raw, JSON-escaped, URL-encoded and base64 forms of a secret with quotes and backslashes', { timeout: SLOW }, async () => {
    const secret = 'Tok-"abc\\def-123 пароль';
    const file = await scenario(
      'leaky',
      [
        [
          'log(pw);',
          'log(JSON.stringify({ pw }));',
          'log(encodeURIComponent(pw));',
          "log(Buffer.from(pw).toString('base64'));",
          "throw new Error('rejected ' + JSON.stringify(pw));",
        ].join('\n'),
      ],
      [{ name: 'pw', type: 'secret', direction: 'in' }],
    );
    const { code, stdout } = await runCli(['run', file, '--json', '--var', `pw=${secret}`]);
    const logs = events(stdout).filter((e) => e.type === 'log');
    expect(logs).toHaveLength(4);
    for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) {
      expect(stdout).not.toContain(form);
      expect(stdout).not.toContain(JSON.stringify(form).slice(1, -1));
    }
    expect(events(stdout).at(-1)).toMatchObject({ type: 'run.finished', result: 'failed' });
    expect(code).toBe(1);
  });
});
