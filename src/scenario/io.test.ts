import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  listScenarios,
  readProject,
  readScenarioFile,
  resolveRunTarget,
  ScenarioLoadError,
  writeFileAtomic,
  writeProject,
  writeScenarioFile,
} from './io.js';
import { PROJECT_FILE, SCENARIO_FORMAT, scenarioSchema } from './schema.js';

const hello = scenarioSchema.parse({
  format: SCENARIO_FORMAT,
  id: 'hello',
  name: 'Hello',
  blocks: [{ id: 'start', type: 'core.start' }],
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-io-'));
});

describe('scenario files', () => {
  it('writes a scenario and reads the same document back', async () => {
    const file = join(dir, 'main.scenario.json');
    await writeScenarioFile(file, hello);
    expect(await readScenarioFile(file)).toEqual(hello);
    expect(await readFile(file, 'utf8')).toMatch(/\n$/);
  });

  it('reports the file and line:column of a broken file', async () => {
    const file = join(dir, 'broken.scenario.json');
    await writeFile(file, '{\n  "format": "cairn.scenario/1",\n  "id": "x"\n  "name": "y"\n}\n');
    const error = await readScenarioFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioLoadError);
    const loadError = error as ScenarioLoadError;
    expect(loadError.file).toBe(file);
    expect([loadError.line, loadError.column]).toEqual([4, 3]);
    expect(loadError.message).toContain(`${file}:4:3`);
  });

  it('names a missing file', async () => {
    const error = (await readScenarioFile(join(dir, 'nope.scenario.json')).catch(
      (e: unknown) => e,
    )) as ScenarioLoadError;
    expect(error.problems[0].code).toBe('file.read');
    expect(error.message).toContain('file not found');
  });

  it('a failing save leaves the old file intact and no temp file behind', async () => {
    const file = join(dir, 'main.scenario.json');
    await writeScenarioFile(file, hello);
    const before = await readFile(file, 'utf8');
    // A document that cannot be serialized (BigInt) makes the write fail midway.
    const bad = { ...hello, blocks: [{ ...hello.blocks[0], params: { n: 10n } }] };
    await expect(writeScenarioFile(file, bad)).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['main.scenario.json']);
  });

  it('a save into a missing folder fails without touching anything', async () => {
    await expect(writeFileAtomic(join(dir, 'no', 'such.json'), 'x')).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('projects and run targets', () => {
  beforeEach(async () => {
    await writeProject(dir, {
      format: 'cairn.project/1',
      name: 'demo',
      version: '1.0.0',
      main: 'main.scenario.json',
      dependencies: {},
    });
    await writeScenarioFile(join(dir, 'main.scenario.json'), hello);
    await mkdir(join(dir, 'sub'));
    await writeScenarioFile(join(dir, 'sub', 'child.scenario.json'), { ...hello, id: 'child' });
  });

  it('a project folder runs its main scenario', async () => {
    const target = await resolveRunTarget(dir);
    expect(target.scenarioPath).toBe(join(dir, 'main.scenario.json'));
    expect(target.projectDir).toBe(dir);
    expect(target.project?.name).toBe('demo');
  });

  it('a scenario file runs itself inside the nearest project', async () => {
    const target = await resolveRunTarget(join(dir, 'sub', 'child.scenario.json'));
    expect(target).toMatchObject({ scenarioPath: join(dir, 'sub', 'child.scenario.json'), projectDir: dir });
  });

  it('a loose scenario file uses its own folder', async () => {
    const loose = await mkdtemp(join(tmpdir(), 'cairn-loose-'));
    await writeScenarioFile(join(loose, 'a.scenario.json'), hello);
    const target = await resolveRunTarget(join(loose, 'a.scenario.json'));
    expect(target).toEqual({ scenarioPath: join(loose, 'a.scenario.json'), projectDir: loose });
  });

  it('a folder without a project file is refused by name', async () => {
    await expect(resolveRunTarget(join(dir, 'sub'))).rejects.toThrow(new RegExp(`no ${PROJECT_FILE}`));
  });

  it('reads the project and lists its scenarios', async () => {
    expect((await readProject(dir)).version).toBe('1.0.0');
    expect(await listScenarios(dir)).toEqual(['main.scenario.json', 'sub/child.scenario.json']);
  });
});
