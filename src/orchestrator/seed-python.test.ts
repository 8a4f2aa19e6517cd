import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator, type EmulatorHandle } from './emulator/server.js';
import { createAdminClient, type AdminClient } from './emulator/admin-client.js';
import { DEMO_ROBOT_GUID, JobStatus } from './protocol.js';

// The seed's own Python example calls, run by python3 against the emulator over real HTTP.

const run = promisify(execFile);
const script = fileURLToPath(new URL('./seed_example.py', import.meta.url));

let emulator: EmulatorHandle;
let admin: AdminClient;
let versionGuid: string;

beforeAll(async () => {
  emulator = await startEmulator({ seedDemo: true });
  admin = createAdminClient(emulator.url);
  const process = await admin.addProcess('Python framework');
  versionGuid = (await admin.addVersion(process.guid, 'reports\\daily\\send')).guid;
});
afterAll(async () => {
  await emulator.close();
});

async function seedExample(env: Record<string, string> = {}): Promise<string[]> {
  const { stdout } = await run('python3', [script, emulator.url, DEMO_ROBOT_GUID], {
    env: { ...process.env, PYTHONWARNINGS: 'ignore', ...env },
    timeout: 20_000,
  });
  return stdout.trimEnd().split('\n');
}

describe("the seed's Python example against the emulator", () => {
  it.each([
    ['requests when importable', {}],
    ['urllib from the standard library', { CAIRN_SEED_NO_REQUESTS: '1' }],
  ])('heartbeat, consumeNextJob and job/update print the documented answers (%s)', async (_name, env) => {
    const { guid } = await admin.addJob(DEMO_ROBOT_GUID, versionGuid);
    // The demo seed's own job goes first; take it out of the way for a predictable answer.
    await admin.jobs(DEMO_ROBOT_GUID).then(async ({ jobs }) => {
      for (const job of jobs) if (job.guid !== guid && job.status === JobStatus.Pending) await admin.stopJob(job.guid);
    });
    const lines = await seedExample(env);
    const [client, heartbeatCode, heartbeatText, hasNewJob, consumeCode, consumeText, jobGuid, scriptName, task, update] = lines;
    expect(client).toMatch(/^client: (requests|urllib)$/);
    if ('CAIRN_SEED_NO_REQUESTS' in env) expect(client).toBe('client: urllib');
    expect([heartbeatCode, heartbeatText, hasNewJob]).toEqual(['0', '', '1']);
    expect([consumeCode, consumeText]).toEqual(['0', '']);
    expect(jobGuid).toBe(guid);
    expect(scriptName).toBe('reports\\daily\\send');
    expect(task).toBe('None');
    expect(JSON.parse(update)).toMatchObject({ ErrorCode: 0, GUID: guid, Status: JobStatus.InProgress });
    expect((await admin.job(guid)).status).toBe(JobStatus.InProgress);
  });

  it('stops after the heartbeat when there is no job, as the seed says', async () => {
    const lines = await seedExample();
    expect(lines.slice(1)).toEqual(['0', '', '0']);
  });
});
