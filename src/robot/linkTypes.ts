import type { JobType, RobotStatus } from '../orchestrator/protocol.js';
import type { OutboxItem } from '../store/outbox.js';
import type { DeliveryVerdict } from '../store/outboxWorker.js';

/**
 * What the robot needs from the Orchestrator, in the robot's own terms. `createRobotLink`
 * (link.ts) implements it with the real client; keeping the agent on this narrow seam keeps the
 * seed's algorithm readable and the client's wire details in one place.
 */

// The robot's terms, not the wire's: the client's HeartbeatAnswer / ConsumedJob (orchestrator/types.ts)
// keep the raw answer; these are what the agent acts on, with code 101 as an answer, not a throw.
export type RobotHeartbeat = { code: number; errorText: string; hasNewJob: boolean };

export type WorkingJob = { guid: string; name: string; type: JobType };

export type RobotJob = {
  jobGuid: string;
  /** Shown in heartbeats as JobName. */
  jobName: string;
  versionGuid: string;
  /** The seed's framework takes the script to run from it. */
  versionName: string;
  /** The version carries a packaged file (a Cairn package) — else it names a Python script. */
  hasPackage: boolean;
  taskGuid: string;
  task: unknown;
  /** The raw objects, handed to Python scripts in their settings file. */
  raw: { job: unknown; processVersion: unknown; task: unknown };
};

export type ConsumeAnswer = { code: number; errorText: string; job: RobotJob | null };

export type RobotLink = {
  readonly robotGuid: string;
  readonly orchestratorUrl: string;
  heartbeat(status: RobotStatus, job?: WorkingJob): Promise<RobotHeartbeat>;
  consumeNextJob(): Promise<ConsumeAnswer>;
  downloadVersion(versionGuid: string): Promise<Buffer>;
  /** Sends one outbox row. */
  deliver(item: OutboxItem): Promise<void>;
  /** Whether a failed delivery is worth retrying (network, 5xx) or refused for good. */
  classifyDeliveryError(error: unknown): DeliveryVerdict;
  /** A one-line reason for a failed call, for the status line. */
  describeError(error: unknown): string;
};
