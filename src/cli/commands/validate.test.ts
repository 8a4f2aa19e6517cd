import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/spawnCli.js';

const SLOW = 120_000;

const broken = `{
  "format": "cairn.scenario/1",
  "id": "b",
  "name": "Broken",
  "variables": [],
  "blocks": [
    { "id": "start", "type": "core.start", "at": [0, 0] },
    { "id": "say", "type": "core.log", "at": [0, 120], "params": { "message": { "expr": "1 +" } } },
    { "id": "lost", "type": "core.nope", "at": [0, 240] }
  ],
  "links": [
    { "from": "start", "port": "next", "to": "say" },
    { "from": "say", "port": "next", "to": "lost" }
  ]
}
`;

describe('cairn validate', () => {
  it('passes the samples', { timeout: SLOW }, async () => {
    for (const sample of ['hello', 'loop-with-errors', 'invoke']) {
      const { code, stdout } = await runCli(['validate', `resources/samples/${sample}`]);
      expect(stdout).toMatch(/✔ \d+ files?: 0 errors, 0 warnings/);
      expect(code).toBe(0);
    }
  });

  it('lists each problem with file, line:column and JSON path, and exits 1', { timeout: SLOW }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-validate-'));
    const file = join(dir, 'broken.scenario.json');
    await writeFile(file, broken);
    const { code, stdout } = await runCli(['validate', file]);
    expect(stdout).toContain(
      `${file}:8:79: error expr.syntax at blocks[1].params.message: Expression \`1 +\` in block "say" does not parse`,
    );
    expect(stdout).toContain(
      `${file}:9:29: error block.unknownType at blocks[2].type: Block "lost" has an unknown type "core.nope"`,
    );
    expect(stdout).toContain('✖ 1 file: 2 errors, 0 warnings');
    expect(code).toBe(1);
  });

  it('speaks Russian with --lang ru and reports a syntax error position', { timeout: SLOW }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-validate-'));
    const file = join(dir, 'syntax.scenario.json');
    await writeFile(file, '{\n  "format": "cairn.scenario/1",\n  "id": "s"\n  "name": "x"\n}\n');
    const { code, stdout } = await runCli(['validate', file, '--lang', 'ru']);
    expect(stdout).toContain(`${file}:4:3: ошибка json.syntax: Ошибка синтаксиса JSON`);
    expect(stdout).toContain('✖ Файлов: 1, ошибок: 1, предупреждений: 0');
    expect(code).toBe(1);
  });

  it('checks every scenario of a project folder, and gives JSON with --json', { timeout: SLOW }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-validate-'));
    await cp('resources/samples/invoke', dir, { recursive: true });
    await writeFile(join(dir, 'lib', 'extra.scenario.json'), broken);
    const { code, stdout } = await runCli(['validate', dir, '--json']);
    const report = JSON.parse(stdout) as {
      files: string[];
      problems: { file: string; code: string; line?: number }[];
    };
    expect(report.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      'lib/extra.scenario.json',
      'lib/total.scenario.json',
      'main.scenario.json',
    ]);
    expect(report.problems.map((p) => [p.file.slice(dir.length + 1), p.code, p.line])).toEqual([
      ['lib/extra.scenario.json', 'expr.syntax', 8],
      ['lib/extra.scenario.json', 'block.unknownType', 9],
    ]);
    expect(code).toBe(1);
  });

  it('reports an invoked scenario that does not exist at the invoking block', { timeout: SLOW }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cairn-validate-'));
    await cp('resources/samples/invoke', dir, { recursive: true });
    await rm(join(dir, 'lib', 'total.scenario.json'));
    const { code, stdout } = await runCli(['validate', join(dir, 'main.scenario.json')]);
    expect(stdout).toContain(
      `main.scenario.json:24:21: error invoke.missingScenario at blocks[1].params.scenario: Block "calculate" invokes lib/total.scenario.json, which does not exist`,
    );
    expect(code).toBe(1);
  });

  it('is a usage error without a path', { timeout: SLOW }, async () => {
    const { code, stderr } = await runCli(['validate']);
    expect(stderr).toContain('cairn validate: missing argument');
    expect(code).toBe(2);
  });
});
