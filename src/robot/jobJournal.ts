import { REDACTED } from '../scenario/values.js';
import type { Outbox, OutboxLogLevel } from '../store/outbox.js';

/**
 * Everything one job tells the Orchestrator besides heartbeats, written to the outbox in order:
 * its status changes, its log lines, its screenshots. Secret values the job obtained (credential
 * passwords) are redacted from every line before it is stored.
 */
export type JobJournal = {
  readonly jobGuid: string;
  log(level: OutboxLogLevel, message: string): void;
  status(status: number): void;
  screenshot(pngBase64: string, note?: string): void;
  /** A value that must never reach a log line (a credential's password). */
  addSecret(value: string): void;
};

export type JobJournalOptions = {
  outbox: Outbox;
  robotGuid: string;
  jobGuid: string;
  versionGuid?: string;
  /** Called after each write so the delivery worker sends it promptly. */
  wake(): void;
  now?: () => number;
};

/** Short secrets would redact ordinary words; a password shorter than this is left to the engine. */
const MIN_SECRET_LENGTH = 3;

export function createJobJournal(options: JobJournalOptions): JobJournal {
  const { outbox, robotGuid, jobGuid, versionGuid, wake } = options;
  const now = options.now ?? Date.now;
  const secrets = new Set<string>();
  const redact = (text: string) => {
    let result = text;
    for (const secret of secrets) result = result.split(secret).join(REDACTED);
    return result;
  };
  return {
    jobGuid,
    log(level, message) {
      outbox.enqueue(robotGuid, { kind: 'log', jobGuid, versionGuid, level, message: redact(message), at: now() });
      wake();
    },
    status(status) {
      outbox.enqueue(robotGuid, { kind: 'jobStatus', jobGuid, status });
      wake();
    },
    screenshot(pngBase64, note) {
      outbox.enqueue(robotGuid, { kind: 'screenshot', jobGuid, pngBase64, note: note === undefined ? undefined : redact(note), at: now() });
      wake();
    },
    addSecret(value) {
      if (value.length >= MIN_SECRET_LENGTH) secrets.add(value);
    },
  };
}
