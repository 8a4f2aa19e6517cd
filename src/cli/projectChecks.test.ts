import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInProcessRun } from '../engine/inProcess.js';
import { makeScenario } from '../engine/testing/scenarios.js';
import { resolveRunTarget, ScenarioLoadError } from '../scenario/io.js';
import { checkProject, checkScenarioFile, checkWithInvoked } from '../engine/projectCheck.js';
import { runCli } from './testing/spawnCli.js';

const SLOW = 120_000;
let root: string;
let project: string;

const scenarioText = (name: string, extra: object[] = []) =>
  JSON.stringify(
    makeScenario({
      name,
      blocks: [{ id: 'start', type: 'core.start' }, ...(extra as never[])],
      links: extra.length > 0 ? [['start', (extra[0] as { id: string }).id]] : [],
    }),
  );

async function projectWithMain(main: string): Promise<void> {
  await writeFile(join(project, 'cairn.project.json'), JSON.stringify({ name: 'p', version: '1.0.0', main }));
}

/** The codes `validate` reports for the project, and the code `run` refuses it with. */
async function bothSay(): Promise<{ validate: string[]; run: string | undefined }> {
  const validate = (await checkProject(project)).flatMap((r) => r.problems.filter((p) => p.severity === 'error').map((p) => p.code));
  let run: string | undefined;
  try {
    await resolveRunTarget(project);
  } catch (error) {
    if (!(error instanceof ScenarioLoadError)) throw error;
    run = error.problems[0]?.code;
  }
  return { validate, run };
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cairn-projcheck-'));
  project = join(root, 'project');
  await mkdir(project);
  await writeFile(join(root, 'outside.scenario.json'), scenarioText('outside'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('validate and run agree on what a project is', () => {
  it('main outside the project, missing, or a folder: both refuse with the same problem', async () => {
    for (const [main, code] of [
      ['../outside.scenario.json', 'project.mainOutside'],
      ['nope.scenario.json', 'project.mainMissing'],
      ['folder.scenario.json', 'project.mainNotFile'],
    ] as const) {
      await mkdir(join(project, 'folder.scenario.json'), { recursive: true });
      await projectWithMain(main);
      expect(await bothSay(), main).toEqual({ validate: [code], run: code });
    }
  });

  it('a FIFO as main, or as the file given, is refused without hanging', async () => {
    const fifo = join(project, 'pipe.scenario.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await projectWithMain('pipe.scenario.json');
    expect(await bothSay()).toEqual({ validate: ['project.mainNotFile'], run: 'project.mainNotFile' });
    expect((await checkScenarioFile(fifo)).problems.map((p) => p.code)).toEqual(['file.notFile']);
  });

  it('a sub-scenario path with ../ is an error for validate and is refused by the engine', async () => {
    const main = join(project, 'main.scenario.json');
    await writeFile(main, scenarioText('main', [{ id: 'call', type: 'core.invoke', params: { scenario: '../outside.scenario.json' } }]));
    await projectWithMain('main.scenario.json');
    const checked = await checkWithInvoked(main, project);
    expect(checked.map((c) => c.file)).toEqual([main]);
    expect(checked[0].problems.map((p) => p.code)).toEqual(['invoke.outsideProject']);
    const summary = await startInProcessRun({ target: project }).done;
    expect(summary.result).toBe('failed');
    expect(summary.error?.message).toContain('is outside the project folder');
  });
});

describe('cairn validate / run on hostile files (real CLI)', () => {
  it('deeply nested JSON: a clear problem with file, path and line:column, no stack trace', { timeout: SLOW }, async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const file = join(project, 'deep.scenario.json');
    await writeFile(file, scenarioText('deep', [{ id: 'say', type: 'core.log', params: { message: 'X' } }]).replace('"X"', deep));
    for (const command of ['validate', 'run']) {
      const { code, stdout, stderr } = await runCli([command, file]);
      const all = stdout + stderr;
      expect(all, command).toMatch(/deep\.scenario\.json:1:\d+: error json\.tooDeep at blocks\[1\]\.params\.message\[0\]/);
      expect(all, command).not.toMatch(/RangeError|at \S+ \(/);
      expect(code, command).toBe(command === 'validate' ? 1 : 2);
    }
  });

  it('a project whose main is a FIFO: run refuses at once (exit 2)', { timeout: SLOW }, async () => {
    expect(spawnSync('mkfifo', [join(project, 'pipe.scenario.json')]).status).toBe(0);
    await projectWithMain('pipe.scenario.json');
    const run = await runCli(['run', project]);
    expect(run.stderr).toContain('project.mainNotFile');
    expect(run.code).toBe(2);
    const validate = await runCli(['validate', project]);
    expect(validate.stdout).toContain('project.mainNotFile');
    expect(validate.code).toBe(1);
  });
});
