import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { alive, runnerChildren, until as untilTrue } from '../engine/runner/testing/processes.js';
import { JobStatus } from '../orchestrator/protocol.js';
import { robotSettingsSchema } from '../store/robotSettings.js';
import { openRobot, type Robot } from './robot.js';
import { loggingScenario, useEmulator, writeProject } from './testing/kit.js';

let robot: Robot | null = null;
const env = useEmulator('robot-runners');
const admin = env.admin;

beforeEach(async () => {
});
afterEach(async () => {
  await robot?.close();
  robot = null;
});

it('a robot keeps a runner warm, runs in it, and closing the robot leaves no runner behind', { timeout: 90_000 }, async () => {
  const before = new Set(runnerChildren());
  const fresh = () => runnerChildren().filter((pid) => !before.has(pid));
  const robotGuid = await admin.robot('warm robot');
  const scenario = loggingScenario(3, 0);
  const projectDir = await writeProject(path.join(env.dir, 'warm'), 'warm', scenario.blocks, scenario.links, scenario.variables);
  robot = openRobot({
    dataDir: path.join(env.dir, 'robot'),
    settings: robotSettingsSchema.parse({ orchestratorUrl: env.emulator.url, robotGuid, pollIntervalMs: 100 }),
    agent: { workingHeartbeatMs: 1000, testOnlyWorkingHeartbeatFloorMs: 1000, outboxRetryInitialMs: 50 },
  });
  await untilTrue(() => fresh().length === 1, 'the warm runner');
  const warm = fresh()[0];
  const running = robot.agent.run();
  const run = robot.agent.runAttended({ target: projectDir, name: 'warm' });
  expect(run.handle.runId).toBeTruthy();
  expect(await run.reported).toBe(JobStatus.Success);
  // The run took the warm runner (it is gone now) and a fresh one waits for the next.
  await untilTrue(() => !alive(warm) && fresh().length === 1 && fresh()[0] !== warm, 'a runner warmed behind the run');
  const next = fresh()[0];
  await robot.close();
  robot = null;
  await running;
  expect(alive(next)).toBe(false);
  expect(fresh()).toEqual([]);
});
