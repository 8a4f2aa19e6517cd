import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../scenario/schema.js';
import { serializeScenario } from '../../scenario/serialize.js';
import { commands, type CommandArgs, type CommandName, type CommandResult, type EventName } from '../contract.js';
import { createService, type ApiService } from '../service.js';

/**
 * A real API service on a temporary data folder, for the tests of its handlers. Everything made
 * here is registered for `cleanUp()`, which each test file calls in afterEach.
 */

const cleanups: (() => Promise<void>)[] = [];

/** Disposes the services and removes the folders made since the last call (newest first). */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** Registers something to undo in the next `cleanUp()`. */
export function onCleanUp(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

export async function tempDir(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A minimal project template, like resources/templates/project. */
async function makeTemplate(): Promise<string> {
  const dir = await tempDir('cairn-template-');
  await writeFile(
    join(dir, 'cairn.project.json'),
    JSON.stringify({
      format: 'cairn.project/1',
      name: '{{name}}',
      version: '1.0.0',
      main: 'main.scenario.json',
    }),
  );
  const main: Scenario = {
    format: 'cairn.scenario/1',
    id: '{{id}}',
    name: 'Main',
    variables: [],
    blocks: [{ id: 'start', type: 'core.start', at: [0, 0] }],
    links: [],
  };
  await writeFile(join(dir, 'main.scenario.json'), serializeScenario(main));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'assets', 'input.csv'), 'a,b\n1,2\n');
  return dir;
}

export type Harness = {
  service: ApiService;
  /** Calls through the service AND checks the result against the contract once more. */
  call<C extends CommandName>(command: C, args: CommandArgs<C>): Promise<CommandResult<C>>;
  events: { event: EventName; payload: unknown }[];
};

export async function startService(): Promise<Harness & { dataDir: string; root: string }> {
  const root = await tempDir('cairn-service-');
  const dataDir = join(root, 'data');
  const service = createService({ dataDir, mode: 'browser', templateDir: await makeTemplate() });
  cleanups.push(() => service.dispose());
  const events: Harness['events'] = [];
  service.onEvent((event, payload) => events.push({ event, payload }));
  return {
    service,
    events,
    dataDir,
    root,
    async call(command, args) {
      const result = await service.call(command, args);
      return commands[command].result.parse(result) as CommandResult<typeof command>;
    },
  };
}

/** A service with a new project "P" (from the template) and its main scenario read. */
export async function startProject() {
  const harness = await startService();
  const dir = join(harness.root, 'p');
  await harness.call('project.new', { dir, name: 'P' });
  const path = join(dir, 'main.scenario.json');
  const { doc, rev } = await harness.call('scenario.read', { path });
  return { ...harness, dir, path, doc, rev };
}
