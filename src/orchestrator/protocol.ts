/**
 * Every enum and code of the robot ↔ Orchestrator protocol (shared/seeds/004, restated in
 * shared/ORCHESTRATOR-PROTOCOL.md), in one place for the client, the robot and the emulator.
 */

export const RobotStatus = { Disconnected: 0, Unlicensed: 1, Ready: 2, Working: 3 } as const;
export type RobotStatus = (typeof RobotStatus)[keyof typeof RobotStatus];

/** The seed's framework always sends 1 (Orchestrated). Attended runs: see docs/orchestrator-api.md. */
export const JobType = { Orchestrated: 1, Attended: 2 } as const;
export type JobType = (typeof JobType)[keyof typeof JobType];

export const HeartbeatErrorCode = { NoError: 0, JobAborting: 10, JobStopping: 20, RobotNotFound: 101 } as const;
export type HeartbeatErrorCode = (typeof HeartbeatErrorCode)[keyof typeof HeartbeatErrorCode];

export const HasNewJob = { NoJob: 0, JobFound: 1 } as const;
export type HasNewJob = (typeof HasNewJob)[keyof typeof HasNewJob];

export const ConsumeJobErrorCode = { NoError: 0, RobotNotFound: 101, NoNewJob: 102 } as const;
export type ConsumeJobErrorCode = (typeof ConsumeJobErrorCode)[keyof typeof ConsumeJobErrorCode];

export const JobStatus = {
  Created: 0,
  Pending: 1,
  Aborting: 2,
  Aborted: 3,
  Success: 4,
  Failed: 5,
  Stopping: 6,
  Stopped: 7,
  InProgress: 8,
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

export const TaskStatus = {
  New: 0,
  InProgress: 1,
  Success: 2,
  FailedApplication: 3,
  FailedBusiness: 4,
  Postponed: 5,
  Abandoned: 6,
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

export const AssetType = { Credentials: 1, Text: 2, Calendar: 3 } as const;
export type AssetType = (typeof AssetType)[keyof typeof AssetType];

export const LogLevelName = ['Debug', 'Info', 'Warning', 'Error', 'Critical'] as const;
export type OrchestratorLogLevel = (typeof LogLevelName)[number];

/** The seed's example robot, seeded into a new emulator database. */
export const DEMO_ROBOT_GUID = 'da8bc2f0-8065-4385-b867-405e66b8e151';
