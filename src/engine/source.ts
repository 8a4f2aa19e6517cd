import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_FILE, projectSchema, scenarioSchema, type Scenario } from '../scenario/schema.js';

/**
 * Where a run gets its scenarios: the main one from the run target, sub-scenarios (core.invoke)
 * by path. Injectable so tests and the Designer can run unsaved, in-memory documents.
 */
export type ScenarioSource = {
  resolveTarget(target: string): Promise<{ scenarioPath: string; projectDir: string }>;
  load(path: string): Promise<Scenario>;
};

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Scenario files on disk. A project folder runs its `main` scenario; a scenario file runs inside
 * the nearest folder above it that holds cairn.project.json (else its own folder).
 */
export const fileScenarioSource: ScenarioSource = {
  async resolveTarget(target) {
    const abs = resolve(target);
    if ((await stat(abs)).isDirectory()) {
      const project = projectSchema.parse(JSON.parse(await readFile(join(abs, PROJECT_FILE), 'utf8')));
      return { scenarioPath: join(abs, project.main), projectDir: abs };
    }
    for (let dir = dirname(abs); ; dir = dirname(dir)) {
      if (await exists(join(dir, PROJECT_FILE))) return { scenarioPath: abs, projectDir: dir };
      if (dirname(dir) === dir) return { scenarioPath: abs, projectDir: dirname(abs) };
    }
  },
  async load(path) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      throw new Error(`Cannot read scenario file ${path}: ${(err as Error).message}`, { cause: err });
    }
    const parsed = scenarioSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`Scenario file ${path} is invalid: ${parsed.error.message}`);
    return parsed.data;
  },
};

/** In-memory scenarios keyed by path relative to a (virtual) project folder. */
export function memoryScenarioSource(projectDir: string, scenarios: Record<string, Scenario>, main = 'main.scenario.json'): ScenarioSource {
  const byPath = new Map(Object.entries(scenarios).map(([rel, doc]) => [resolve(projectDir, rel), doc]));
  return {
    async resolveTarget() {
      return { scenarioPath: resolve(projectDir, main), projectDir };
    },
    async load(path) {
      const doc = byPath.get(resolve(path));
      if (doc === undefined) throw new Error(`No scenario at ${path}`);
      return doc;
    },
  };
}
