import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packProject } from '../../publish/package.js';
import { PROJECT_FILE, PROJECT_FORMAT, SCENARIO_FORMAT } from '../../scenario/schema.js';
import { DEMO_ROBOT_GUID } from '../protocol.js';
import type { EmulatorContext } from './context.js';
import type { Jobs } from './jobs.js';
import type { Processes } from './process-routes.js';

/** A fixed integration key so the Designer can publish to a fresh emulator without setup. */
export const DEMO_API_KEY = '5e1f0b7a-2c4d-4e6f-8a9b-0c1d2e3f4a5b';

export type DemoSeed = { robotGuid: string; apiKey: string; processGuid: string; versionGuid: string; jobGuid: string };

const SAMPLE_DIR = fileURLToPath(new URL('../../../resources/samples/hello', import.meta.url));

/**
 * Seeds a NEW database (no robots yet) with the seed's robot, a demo process whose version is
 * `resources/samples/hello` packed like the Designer publishes it, and one Pending job for that
 * robot. An existing database is left alone (returns null).
 */
export async function seedDemo(ctx: EmulatorContext, jobs: Jobs, processes: Processes): Promise<DemoSeed | null> {
  const robots = ctx.db.prepare('SELECT COUNT(*) FROM robots').pluck().get() as number;
  if (robots > 0) return null;
  const pkg = await demoPackage();
  const at = ctx.now();
  const seed = ctx.db.transaction((): DemoSeed => {
    ctx.db.prepare('INSERT INTO robots (guid, name, created_at) VALUES (?, ?, ?)').run(DEMO_ROBOT_GUID, 'Demo robot', at);
    ctx.db.prepare('INSERT INTO api_keys (guid, name, created_at) VALUES (?, ?, ?)').run(DEMO_API_KEY, 'Demo designer', at);
    const processGuid = processes.createProcess({ name: 'Hello', description: 'Demo process (resources/samples/hello)', processType: 1 });
    const versionGuid = processes.createVersion({
      processGuid,
      name: 'hello',
      description: 'Demo version',
      fileName: 'hello-1.0.0.cairn',
      file: pkg,
    });
    const jobGuid = jobs.create({ robotGuid: DEMO_ROBOT_GUID, versionGuid, name: 'hello' });
    return { robotGuid: DEMO_ROBOT_GUID, apiKey: DEMO_API_KEY, processGuid, versionGuid, jobGuid };
  });
  return seed();
}

/** The sample project packed; a tiny generated project when the sample is not in this checkout. */
async function demoPackage(): Promise<Buffer> {
  if (existsSync(join(SAMPLE_DIR, PROJECT_FILE))) return packProject(SAMPLE_DIR);
  const dir = await mkdtemp(join(tmpdir(), 'cairn-demo-'));
  try {
    const project = { format: PROJECT_FORMAT, name: 'hello', version: '1.0.0', main: 'main.scenario.json', description: 'Demo', dependencies: {} };
    const scenario = {
      format: SCENARIO_FORMAT,
      id: 'hello-main',
      name: 'Hello',
      variables: [],
      blocks: [{ id: 'start', type: 'core.start', at: [0, 0] }],
      links: [],
    };
    await writeFile(join(dir, PROJECT_FILE), `${JSON.stringify(project, null, 2)}\n`);
    await writeFile(join(dir, 'main.scenario.json'), `${JSON.stringify(scenario, null, 2)}\n`);
    return await packProject(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
