/**
 * The agent's observable state, for the CLI's one-line display and the Robot panel: what it is
 * doing, which job, when the Orchestrator last answered, and how much waits in the outbox.
 */

export type AgentState = 'starting' | 'idle' | 'working' | 'offline' | 'notRegistered' | 'stopping' | 'stopped';

export type AgentJobInfo = { guid: string; name: string; kind: 'cairn' | 'python' | 'attended'; pid?: number };

export type AgentStatus = {
  state: AgentState;
  job: AgentJobInfo | null;
  /** When the Orchestrator last answered a heartbeat (ms since epoch). */
  lastHeartbeatAt: number | null;
  /** Rows waiting in the outbox. */
  backlog: number;
  /** Why the outbox could not deliver, while it cannot. */
  outboxError: string | null;
  /** The latest noteworthy thing (an error, a command received), '' when all is well. */
  message: string;
};

type Stored = Omit<AgentStatus, 'backlog' | 'outboxError'>;

export function createAgentStatus(sources: {
  backlog(): number;
  outboxError(): string | null;
  onChange?(status: AgentStatus): void;
}): { get(): AgentStatus; set(patch: Partial<Stored>): void } {
  let stored: Stored = { state: 'starting', job: null, lastHeartbeatAt: null, message: '' };
  const get = (): AgentStatus => ({ ...stored, backlog: sources.backlog(), outboxError: sources.outboxError() });
  return {
    get,
    set(patch) {
      stored = { ...stored, ...patch };
      sources.onChange?.(get());
    },
  };
}

/** "working · job Invoices (1f2e…) · heartbeat 3 s ago · outbox 0" */
export function formatStatusLine(status: AgentStatus, now: number = Date.now()): string {
  const parts: string[] = [status.state];
  if (status.job) parts.push(`${status.job.kind === 'attended' ? 'attended run' : 'job'} ${status.job.name} (${status.job.guid})`);
  parts.push(status.lastHeartbeatAt === null ? 'no heartbeat yet' : `heartbeat ${Math.max(0, Math.round((now - status.lastHeartbeatAt) / 1000))} s ago`);
  parts.push(`outbox ${status.backlog}${status.outboxError ? ` (retrying: ${status.outboxError})` : ''}`);
  if (status.message) parts.push(status.message);
  return parts.join(' · ');
}
