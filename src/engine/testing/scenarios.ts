import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioSchema, type Block, type Scenario } from '../../scenario/schema.js';
import { startInProcessRun } from '../inProcess.js';
import { memoryScenarioSource } from '../source.js';
import type { DebugOptions, HostServices, RunEvent, RunHandle, RunSummary } from '../types.js';

/**
 * Helpers to build scenario documents in code and run them in-process: for engine and block
 * tests, and for the benchmark. Real engine, real blocks; only the documents live in memory.
 */

export type BlockSpec = Omit<Partial<Block>, 'at'> & { id: string; type: string };
export type VariableSpec = Scenario['variables'][number] | { name: string; type?: Scenario['variables'][number]['type']; [key: string]: unknown };
/** [from, to] or [from, to, port]. */
export type LinkSpec = readonly [string, string] | readonly [string, string, string];

export function makeScenario(parts: { name?: string; variables?: VariableSpec[]; blocks: BlockSpec[]; links?: LinkSpec[] }): Scenario {
  return scenarioSchema.parse({
    format: 'cairn.scenario/1',
    id: parts.name ?? 'test',
    name: parts.name ?? 'Test',
    variables: parts.variables ?? [],
    blocks: parts.blocks,
    links: (parts.links ?? []).map(([from, to, port]) => ({ from, to, port: port ?? 'next' })),
  });
}

/** Links each id to the next one through `next`. */
export function chain(...ids: string[]): LinkSpec[] {
  return ids.slice(1).map((to, i) => [ids[i], to] as const);
}

export type TestRunOptions = {
  args?: Record<string, unknown>;
  mode?: 'run' | 'debug';
  debug?: DebugOptions;
  trace?: boolean;
  services?: HostServices;
  /** Other scenarios of the (virtual) project, by relative path, for core.invoke. */
  scenarios?: Record<string, Scenario>;
  projectDir?: string;
  /** Called with the handle before the run starts (debugger tests drive it from events). */
  control?: (handle: RunHandle, event: RunEvent) => void;
  /** A stop flag to read instead of a private one (stopFlag.ts). */
  stopFlag?: Int32Array;
};

export function startScenario(doc: Scenario, options: TestRunOptions = {}): RunHandle {
  const projectDir = options.projectDir ?? join(tmpdir(), 'cairn-memory-project');
  const source = memoryScenarioSource(projectDir, { ...options.scenarios, 'main.scenario.json': doc });
  return startInProcessRun(
    { target: projectDir, args: options.args, mode: options.mode, debug: options.debug, trace: options.trace },
    options.services,
    { source, stopFlag: options.stopFlag },
  );
}

/** Runs to the end; returns the summary, every event, and the log lines as "level: message". */
export async function runScenario(doc: Scenario, options: TestRunOptions = {}): Promise<{ summary: RunSummary; events: RunEvent[]; logs: string[] }> {
  const handle = startScenario(doc, options);
  const events: RunEvent[] = [];
  handle.onEvent((event) => {
    events.push(event);
    options.control?.(handle, event);
  });
  const summary = await handle.done;
  const logs = events.flatMap((e) => (e.type === 'log' ? [`${e.level}: ${e.message}`] : []));
  return { summary, events, logs };
}
