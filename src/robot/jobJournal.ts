import { REDACTED } from '../scenario/values.js';
import type { OutboxLogLevel } from '../store/outbox.js';
import type { OutboxWriter } from '../store/outboxWriter.js';

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
  /** The robot's single ordered outbox stream. */
  writer: OutboxWriter;
  jobGuid: string;
  versionGuid?: string;
  now?: () => number;
};

/** Short secrets would redact ordinary words; a password shorter than this is left to the engine. */
const MIN_SECRET_LENGTH = 3;

export function createJobJournal(options: JobJournalOptions): JobJournal {
  const { writer, jobGuid, versionGuid } = options;
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
      writer.write({ kind: 'log', jobGuid, versionGuid, level, message: redact(message), at: now() });
    },
    status(status) {
      writer.write({ kind: 'jobStatus', jobGuid, status });
    },
    screenshot(pngBase64, note) {
      writer.write({ kind: 'screenshot', jobGuid, pngBase64, note: note === undefined ? undefined : redact(note), at: now() });
    },
    addSecret(value) {
      if (value.length >= MIN_SECRET_LENGTH) secrets.add(value);
    },
  };
}
