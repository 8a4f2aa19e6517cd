import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { listScenarios, readProject, readScenarioFile, resolveRunTarget, ScenarioLoadError, writeProject, writeScenarioFile } from './io.js';
import { writeFileAtomic } from '../util/atomicWrite.js';
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

  it('a save that fails before the rename leaves the target intact and no temp file behind', async () => {
    // The target is a folder with content: writing the temp file works, the rename over it fails.
    const target = join(dir, 'busy.scenario.json');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, '{}\n')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['busy.scenario.json']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it(
    'a process killed while saving leaves the old file or the new one, never half of either',
    { timeout: 60_000 },
    async () => {
      const file = join(dir, 'big.scenario.json');
      const versions = ['a', 'b'].map((letter) => `${letter.repeat(8 * 1024 * 1024)}\n`);
      await writeFileAtomic(file, versions[0]);
      // A writer that saves the two versions in turn, as fast as it can, until it is killed.
      const script = join(dir, 'writer.mts');
      await writeFile(
        script,
        `import { writeFileAtomic } from ${JSON.stringify(fileURLToPath(new URL('../util/atomicWrite.ts', import.meta.url)))};\n` +
          `const versions = ['a', 'b'].map((l) => l.repeat(8 * 1024 * 1024) + '\\n');\n` +
          `for (let i = 1; ; i++) await writeFileAtomic(${JSON.stringify(file)}, versions[i % 2]);\n`,
      );
      const writer = spawn(
        process.execPath,
        [fileURLToPath(new URL('../../bin/tsnode.js', import.meta.url)), script],
        { stdio: 'ignore' },
      );
      try {
        // Kill it right after it has replaced the file at least twice: it is then inside its next save.
        let replaced = 0;
        let last = (await stat(file)).mtimeMs;
        const deadline = Date.now() + 50_000;
        while (replaced < 2) {
          if (Date.now() > deadline) throw new Error('the writer never replaced the file');
          const now = (await stat(file)).mtimeMs;
          if (now !== last) replaced++;
          last = now;
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        writer.kill('SIGKILL');
        await new Promise((resolve) => writer.once('exit', resolve));
      }
      expect(versions).toContain(await readFile(file, 'utf8'));
    },
  );

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

  it('the project file stands for its folder', async () => {
    expect((await resolveRunTarget(join(dir, PROJECT_FILE))).scenarioPath).toBe(
      join(dir, 'main.scenario.json'),
    );
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
    // Hidden folders (.git, editor backups) and node_modules hold no scenarios of the project.
    await mkdir(join(dir, '.history'));
    await writeScenarioFile(join(dir, '.history', 'old.scenario.json'), hello);
    await mkdir(join(dir, 'node_modules'));
    await writeScenarioFile(join(dir, 'node_modules', 'dep.scenario.json'), hello);
    expect(await listScenarios(dir)).toEqual(['main.scenario.json', 'sub/child.scenario.json']);
  });
});
