import { resolve } from 'node:path';
import { readScenarioFile, resolveRunTarget } from '../scenario/io.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * Where a run gets its scenarios: the main one from the run target, sub-scenarios (core.invoke)
 * by path. Injectable so tests and the Designer can run unsaved, in-memory documents.
 */
export type ScenarioSource = {
  resolveTarget(target: string): Promise<{ scenarioPath: string; projectDir: string }>;
  load(path: string): Promise<Scenario>;
};

/** Scenario files on disk, read (and migrated, and checked) by the scenario module. */
export const fileScenarioSource: ScenarioSource = {
  resolveTarget: resolveRunTarget,
  load: readScenarioFile,
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
