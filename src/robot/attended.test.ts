import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startRun } from '../engine/runner/index.js';
import { JobStatus, JobType, RobotStatus } from '../orchestrator/protocol.js';
import { robotSettingsSchema } from '../store/robotSettings.js';
import { openRobot, type Robot } from './robot.js';
import { loggingScenario, until, useEmulator, writeProject } from './testing/kit.js';

let robot: Robot | null = null;
const env = useEmulator('robot-attended');
const admin = env.admin;

beforeEach(async () => {
});
afterEach(async () => {
  await robot?.close();
  robot = null;
});

type RobotRow = { guid: string; status: number; job_guid: string; job_name: string };
const robotRow = async (guid: string) => {
  const robots = (await (await fetch(`${env.emulator.url}/admin/robots`)).json()) as RobotRow[];
  return robots.find((r) => r.guid === guid)!;
};

it('reports a run the user started: Status 3 with JobType 2, its logs under the local run GUID, then Status 2', async () => {
  const robotGuid = await admin.robot('desk robot');
  const scenario = loggingScenario(12, 150);
  const projectDir = await writeProject(path.join(env.dir, 'report'), 'report', scenario.blocks, scenario.links, scenario.variables);
  robot = openRobot({
    dataDir: path.join(env.dir, 'robot'),
    settings: robotSettingsSchema.parse({ orchestratorUrl: env.emulator.url, robotGuid, pollIntervalMs: 100 }),
    startRun,
    agent: { workingHeartbeatMs: 1000, testOnlyWorkingHeartbeatFloorMs: 1000, outboxRetryInitialMs: 50 },
  });
  const agent = robot.agent;
  const running = agent.run();
  await until(() => agent.status().state === 'idle', 'the robot to be idle');

  const run = agent.runAttended({ target: projectDir, name: 'Monthly report' });
  expect(() => agent.runAttended({ target: projectDir })).toThrow(/busy with Monthly report/);
  await until(async () => (await robotRow(robotGuid)).status === RobotStatus.Working, 'the Working heartbeat');
  const working = await robotRow(robotGuid);
  expect(working).toMatchObject({ job_guid: run.runGuid, job_name: 'Monthly report' });

  expect(await run.reported).toBe(JobStatus.Success);
  const job = await until(async () => {
    const state = await admin.getJob(run.runGuid);
    return state.status === JobStatus.Success ? state : null;
  }, 'the attended run to be recorded as finished');
  expect(job).toMatchObject({ job_type: JobType.Attended, name: 'Monthly report' });
  const lines = (await admin.logs(run.runGuid)).map((l) => l.message).filter((m) => m.startsWith('line '));
  expect(lines).toEqual(Array.from({ length: 12 }, (_, i) => `line ${i}`));
  expect((await robotRow(robotGuid)).status).toBe(RobotStatus.Ready);
  expect(robot.store.runs.get(run.runGuid)).toMatchObject({ kind: 'attended', status: JobStatus.Success });

  await agent.stop();
  expect(await running).toBe(0);
}, 90_000);
