import type { PathOverrides } from './paths.js';
import type { MachineInfo } from './machine.js';
import type { JsonObject } from './form.js';
import type { AssetType, HeartbeatErrorCode, JobStatus, JobType, OrchestratorLogLevel, RobotStatus } from './protocol.js';

/** What the client needs to talk to one Orchestrator. */
export type OrchestratorConfig = {
  /** e.g. `http://192.168.1.111:4500` */
  url: string;
  /** The robot's GUID: its credential (`Basic base64(guid)`) and the `RobotGUID` field. */
  robotGuid: string;
  /** A user's API key GUID for integration calls (publishing); defaults to the robot GUID. */
  apiKey?: string;
  /** Per-request deadline, connect to last byte (default 15 s). */
  timeoutMs?: number;
  /** Extra attempts after a network error, timeout or 5xx (default 3). */
  retries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Cap on a JSON answer (default 10 MB). */
  maxContentLength?: number;
  /** Cap on a downloaded package (default 100 MB). */
  maxPackageBytes?: number;
  /** Deadline for a package upload or download (default 120 s). */
  transferTimeoutMs?: number;
  /** Skip TLS certificate checks for this Orchestrator (warned once). */
  insecure?: boolean;
  /** Overrides of the path table (paths.ts). */
  paths?: PathOverrides;
  /** Machine/IP/MAC to report; read from the OS when absent. */
  machine?: MachineInfo;
  /** Where warnings go (default console.warn). */
  warn?: (line: string) => void;
};

export type HeartbeatInput = {
  status: RobotStatus;
  jobGuid?: string;
  jobName?: string;
  /** 1 Orchestrated (the seed's only value); 2 Attended, Cairn's extension for local runs. */
  jobType?: JobType;
};

export type HeartbeatAnswer = {
  /** 0 no error, 10 abort the job now, 20 stop the job properly. (101 is thrown as robotUnknown.) */
  errorCode: HeartbeatErrorCode;
  errorText: string;
  hasNewJob: boolean;
  raw: JsonObject;
};

export type ConsumedJob = {
  job: { guid: string; name: string; raw: JsonObject };
  /** `name` is what the seed's framework runs (a script path); Cairn runs the version's package. */
  version: { guid: string; name: string; raw: JsonObject };
  task: OrchestratorTask | null;
  raw: JsonObject;
};

export type LogEntry = {
  level: OrchestratorLogLevel;
  message: string;
  jobGuid?: string;
  versionGuid?: string;
  /** When the robot wrote the line (ms since epoch), sent as `Time` (Cairn extension). */
  at?: number;
};

export type Asset = {
  guid: string;
  name: string;
  type: AssetType | number;
  /** Text assets: the value; Credentials: the login. */
  text: string | null;
  /** Credentials only. */
  password: string | null;
  description: string;
  raw: JsonObject;
};

export type AssetUpdate = { name?: string; guid?: string; text?: string; password?: string };

export type TaskInput = {
  queueGuid: string;
  name: string;
  description?: string;
  comment?: string;
  deadline?: string;
  retries?: number;
  parameters?: unknown;
};

export type OrchestratorTask = {
  guid: string;
  name: string;
  status: number;
  queueGuid: string;
  parameters: unknown;
  comment: string;
  raw: JsonObject;
};

export type TaskUpdate = { guid: string; status?: number; comment?: string; parameters?: unknown };

export type ProcessInput = { name: string; description?: string; minVersionToRun?: string; processType?: 0 | 1 };
export type OrchestratorProcess = { guid: string; name: string; description: string; raw: JsonObject };

export type VersionInput = {
  processGuid: string;
  name: string;
  description?: string;
  file: Buffer;
  /** Sent as the upload's file name, e.g. `invoices-1.2.0.cairn`. */
  fileName: string;
};

export type ProcessVersion = {
  guid: string;
  processGuid: string;
  name: string;
  description: string;
  fileName: string;
  raw: JsonObject;
};

export type ScreenshotInput = { jobGuid: string; pngBase64: string; note?: string };

export type JobUpdateInput = { guid: string; status: JobStatus };
