import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdminClient, type AdminClient } from '../../orchestrator/emulator/admin-client.js';
import { startEmulator, type EmulatorHandle } from '../../orchestrator/emulator/server.js';
import { unpackProject } from '../../publish/package.js';
import { repoRoot, runCli } from '../testing/spawnCli.js';

// `cairn publish` and `cairn versions` as a script or CI runs them: the real CLI, real HTTP to the emulator.

let emulator: EmulatorHandle;
let admin: AdminClient;
let apiKey: string;
let robotGuid: string;
let work: string;
let project: string;

const manifestVersion = async (): Promise<string> =>
  (JSON.parse(await readFile(join(project, 'cairn.project.json'), 'utf8')) as { version: string }).version;
const uploads = async (): Promise<number> => (await admin.requests({ path: '/api/processVersion/create' })).count;
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

beforeAll(async () => {
  emulator = await startEmulator();
  admin = createAdminClient(emulator.url);
  apiKey = (await admin.addApiKey('ci')).guid;
  robotGuid = (await admin.addRobot('r')).guid;
});
afterAll(async () => emulator.close());
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'cairn-publish-'));
  project = join(work, 'hello');
  await cp(join(repoRoot, 'resources/samples/hello'), project, { recursive: true });
});
afterEach(async () => rm(work, { recursive: true, force: true }));

describe('cairn publish', () => {
  it('creates the process by name, uploads the bumped version, then writes it into the project; --json for scripts', async () => {
    const first = await runCli(['publish', project, '--orchestrator', emulator.url, '--api-key', apiKey, '--process-name', 'Hello CI', '--notes', 'first']);
    expect(first.stderr).toBe(
      ['Validating the project…', 'Packing…', 'Checking the process on the Orchestrator…', 'Uploading…', 'Saving the new version in cairn.project.json…', ''].join('\n'),
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^✔ Published Hello CI \(process created\) 1\.0\.0 → 1\.0\.1 \(hello-1\.0\.1\.cairn, \d+ bytes\)\n {2}version GUID: [0-9a-f-]{36}\n/);
    expect(await manifestVersion()).toBe('1.0.1');

    // The key from CAIRN_API_KEY; the process by GUID; a major bump; JSON out.
    const processGuid = /process GUID: ([0-9a-f-]{36})/.exec(first.stdout)?.[1] ?? '';
    const second = await runCli(['publish', project, '--orchestrator', emulator.url, '--process', processGuid, '--bump', 'major', '--notes', 'Новая версия', '--json'], {
      env: { CAIRN_API_KEY: apiKey },
    });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    const result = JSON.parse(second.stdout) as { published: boolean; versionGuid: string; version: string; previousVersion: string; sha256: string };
    expect(result).toMatchObject({ published: true, version: '2.0.0', previousVersion: '1.0.1', processGuid });
    expect(await manifestVersion()).toBe('2.0.0');
    expect(`${first.stdout}${first.stderr}${second.stdout}`).not.toContain(apiKey);

    // The uploaded package holds the manifest with the new version.
    const bytes = Buffer.from(await (await fetch(`${emulator.url}/admin/versions/${result.versionGuid}/download`)).arrayBuffer());
    const dest = join(work, 'unpacked');
    await unpackProject(bytes, dest);
    expect(JSON.parse(await readFile(join(dest, 'cairn.project.json'), 'utf8'))).toMatchObject({ version: '2.0.0' });

    const versions = await runCli(['versions', '--orchestrator', emulator.url, '--api-key', apiKey, '--process', processGuid, '--json']);
    expect(versions.code).toBe(0);
    const listed = JSON.parse(versions.stdout) as { process: { name: string }; versions: { name: string; description: string; guid: string }[] };
    expect(listed.process.name).toBe('Hello CI');
    expect(listed.versions.map((v) => [v.name, v.description])).toEqual([
      ['1.0.1', 'first'],
      ['2.0.0', 'Новая версия'],
    ]);
    const table = await runCli(['versions', '--orchestrator', emulator.url, '--api-key', apiKey, '--process', processGuid]);
    expect(table.stdout).toMatch(/^Hello CI \([0-9a-f-]{36}\): 2 versions\n {2}1\.0\.1 +[0-9a-f-]{36} {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}first\n/);
  }, 60_000);

  it('prints validation errors as cairn validate does and exits 2, uploading nothing', async () => {
    await writeFile(
      join(project, 'broken.scenario.json'),
      `${JSON.stringify({ format: 'cairn.scenario/1', id: 'b', name: 'Broken', blocks: [{ id: 'start', type: 'core.start' }, { id: 'x', type: 'core.nope' }], links: [{ from: 'start', port: 'next', to: 'x' }] }, null, 2)}\n`,
    );
    const before = await uploads();
    const run = await runCli(['publish', project, '--orchestrator', emulator.url, '--api-key', apiKey, '--process-name', 'Never']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.scenario\.json:\d+:\d+: error block\.unknownType at blocks\[1\]\.type: Block "x" has an unknown type "core\.nope"/);
    expect(run.stderr).toMatch(/cairn publish: The project has 1 validation error: nothing was published\./);
    expect(await uploads()).toBe(before);
    expect(await manifestVersion()).toBe('1.0.0');
    const processes = (await (await fetch(`${emulator.url}/admin/processes`)).json()) as { name: string }[];
    expect(processes.map((p) => p.name)).not.toContain('Never');
  }, 30_000);

  it('refuses a wrong key (401), a robot GUID (403) and an unknown process clearly, exit 1, project untouched', async () => {
    const [wrong, robot, unknown, listUnknown] = await Promise.all([
      runCli(['publish', project, '--orchestrator', emulator.url, '--api-key', '0badc0de-0000-4000-8000-000000000000', '--process-name', 'X']),
      runCli(['publish', project, '--orchestrator', emulator.url, '--api-key', robotGuid, '--process-name', 'X']),
      runCli(['publish', project, '--orchestrator', emulator.url, '--api-key', apiKey, '--process', '11111111-2222-4333-8444-555555555555']),
      runCli(['versions', '--orchestrator', emulator.url, '--api-key', apiKey, '--process', '11111111-2222-4333-8444-555555555555']),
    ]);
    expect(listUnknown.code).toBe(1);
    expect(listUnknown.stderr).toMatch(/cairn versions: the Orchestrator at .* has no process 11111111-2222-4333-8444-555555555555\./);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/cairn publish: The Orchestrator at http:\/\/127\.0\.0\.1:\d+ refused the API key \(HTTP 401\): it is unknown or malformed\. Check the API key\./);
    expect(wrong.stderr).not.toContain('0badc0de');
    expect(robot.code).toBe(1);
    expect(robot.stderr).toMatch(/refused the API key \(HTTP 403\): it is known but may not do this/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/has no process 11111111-2222-4333-8444-555555555555\./);
    for (const run of [wrong, robot, unknown]) noStack(run.stderr);
    expect(await manifestVersion()).toBe('1.0.0');
  }, 60_000);

  describe('against a server that is not a working Orchestrator', () => {
    let garbage: Server;
    let garbageUrl: string;
    beforeAll(async () => {
      garbage = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>'));
      await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
      garbageUrl = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => garbage.close(() => resolve())));

    it('says so when it is unreachable, answers garbage, or refuses a package over its size limit', async () => {
      // A port nobody listens on: bind one, note it, close it.
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      const small = await startEmulator({ maxPackageBytes: 200 });
      try {
        const smallKey = (await createAdminClient(small.url).addApiKey('k')).guid;
        const [unreachable, html, tooLarge] = await Promise.all([
          runCli(['publish', project, '--orchestrator', closedUrl, '--api-key', apiKey, '--process-name', 'X']),
          runCli(['publish', project, '--orchestrator', garbageUrl, '--api-key', apiKey, '--process-name', 'X']),
          runCli(['publish', project, '--orchestrator', small.url, '--api-key', smallKey, '--process-name', 'X']),
        ]);
        expect(unreachable.code).toBe(1);
        expect(unreachable.stderr).toMatch(/cairn publish: The Orchestrator at http:\/\/127\.0\.0\.1:\d+\/api\/process\/read cannot be reached \(ECONNREFUSED\)\./);
        expect(html.code).toBe(1);
        expect(html.stderr).toMatch(/answer to processRead is not JSON \(starts with: <html><body>Welcome to nginx!/);
        expect(tooLarge.code).toBe(1);
        expect(tooLarge.stderr).toMatch(/refused the package as too large \(HTTP 413\)\. .*over the 200-byte limit/);
        for (const run of [unreachable, html, tooLarge]) noStack(run.stderr);
        expect(await manifestVersion()).toBe('1.0.0');
      } finally {
        await small.close();
      }
    }, 60_000);
  });

  it("uses the Designer's saved key from the vault when none is given, and says what to do when there is none", async () => {
    const dataDir = join(work, 'designer-data');
    const { createSecretVault, fileKeyCipher, ORCHESTRATOR_API_KEY_SECRET } = await import('../../api/secrets.js');
    const processGuid = (await admin.addProcess('Vaulted')).guid;
    const empty = await runCli(['versions', '--orchestrator', emulator.url, '--process', processGuid], { env: { CAIRN_DATA_DIR: dataDir, CAIRN_API_KEY: '' } });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no API key: pass --api-key KEY, set CAIRN_API_KEY, or save it in the Designer/);
    await createSecretVault(dataDir, fileKeyCipher(dataDir)).set(ORCHESTRATOR_API_KEY_SECRET, apiKey);
    const saved = await runCli(['versions', '--orchestrator', emulator.url, '--process', processGuid], { env: { CAIRN_DATA_DIR: dataDir, CAIRN_API_KEY: '' } });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe(`Vaulted (${processGuid}): 0 versions\n`);
  }, 30_000);

  it('checks its command line before connecting', async () => {
    const [both, neither, version] = await Promise.all([
      runCli(['publish', project, '--orchestrator', emulator.url, '--api-key', apiKey, '--process-name', 'X', '--bump', 'minor', '--version', '3.0.0']),
      runCli(['publish', project, '--orchestrator', emulator.url, '--api-key', apiKey]),
      runCli(['publish', project, '--orchestrator', emulator.url, '--api-key', apiKey, '--process-name', 'X', '--version', '0.9.0']),
    ]);
    expect(both).toMatchObject({ code: 2 });
    expect(both.stderr).toMatch(/--bump and --version exclude each other\nusage: cairn publish/);
    expect(neither.stderr).toMatch(/give exactly one of --process GUID and --process-name NAME/);
    expect(version.code).toBe(2);
    expect(version.stderr).toMatch(/Version 0\.9\.0 is older than the project's current version 1\.0\.0\./);
  }, 30_000);
});
