import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdminClient, type AdminClient } from '../orchestrator/emulator/admin-client.js';
import { startEmulator, type EmulatorHandle } from '../orchestrator/emulator/server.js';
import { IntegrationClient } from '../orchestrator/integrationClient.js';
import { packProject } from './package.js';
import { publishProject, PublishError, type PublishOptions } from './publish.js';

const sample = fileURLToPath(new URL('../../resources/samples/hello', import.meta.url));
const noProblems = async () => [];

let emulator: EmulatorHandle;
let admin: AdminClient;
let client: IntegrationClient;
let dir: string;
let project: string;

beforeAll(async () => {
  emulator = await startEmulator();
  admin = createAdminClient(emulator.url);
  client = new IntegrationClient({ url: emulator.url, apiKey: (await admin.addApiKey('t')).guid });
});
afterAll(async () => emulator.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cairn-pub-'));
  project = join(dir, 'hello');
  await cp(sample, project, { recursive: true });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const publish = (extra: Partial<PublishOptions> = {}) =>
  publishProject({ projectDir: project, client, target: { processName: 'Unit' }, check: noProblems, ...extra });
const uploads = async () => (await admin.requests({ path: '/api/processVersion/create' })).count;

describe('publishProject', () => {
  it('uploads exactly the bytes the project packs to at its new version: same project, same version, same bytes', async () => {
    const steps: string[] = [];
    const result = await publish({ version: '1.0.0', notes: 'n', onProgress: (s) => steps.push(s) });
    expect(steps).toEqual(['validating', 'packing', 'connecting', 'uploading', 'saving']);
    const uploaded = Buffer.from(await (await fetch(`${emulator.url}/admin/versions/${result.versionGuid}/download`)).arrayBuffer());
    // The manifest on disk now says 1.0.0 as before: packing it again gives the uploaded bytes.
    expect(uploaded.equals(await packProject(project))).toBe(true);
    expect(result.packageBytes).toBe(uploaded.length);

    const next = await publish({ bump: 'minor' });
    expect(next.version).toBe('1.1.0');
    const second = Buffer.from(await (await fetch(`${emulator.url}/admin/versions/${next.versionGuid}/download`)).arrayBuffer());
    expect(second.equals(await packProject(project))).toBe(true);
    expect(second.equals(uploaded)).toBe(false);
  });

  it('refuses a version the process already has, before uploading', async () => {
    await publish({ version: '1.0.0', target: { processName: 'Twice' } });
    const before = await uploads();
    await expect(publish({ version: '1.0.0', target: { processName: 'Twice' } })).rejects.toMatchObject({ code: 'versionExists' });
    expect(await uploads()).toBe(before);
  });

  it('refuses a package over the size limit before creating or uploading anything', async () => {
    const before = await uploads();
    const error = await publish({ maxPackageBytes: 100, target: { processName: 'Too big' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toMatch(/^The package is \d+ B, over the 100 B limit: move large files out of assets\//);
    expect(await uploads()).toBe(before);
    expect((await client.listProcesses()).map((p) => p.name)).not.toContain('Too big');
    expect(JSON.parse(await readFile(join(project, 'cairn.project.json'), 'utf8'))).toMatchObject({ version: '1.0.0' });
  });

  it('stops at validation errors: nothing contacted, nothing written', async () => {
    const before = (await admin.requests()).count;
    const problems = [{ file: join(project, 'main.scenario.json'), problems: [{ severity: 'error' as const, code: 'x', message: { en: 'bad', ru: 'плохо' } }] }];
    const error = await publish({ check: async () => problems }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid', problems });
    expect((await admin.requests()).count).toBe(before);
  });
});
