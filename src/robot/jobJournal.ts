import { Redactor } from '../engine/redact.js';
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

export function createJobJournal(options: JobJournalOptions): JobJournal {
  const { writer, jobGuid, versionGuid } = options;
  const now = options.now ?? Date.now;
  // Every form of the secret (raw, JSON-escaped, URL-encoded, base64), as the engine redacts.
  const redactor = new Redactor();
  const redact = (text: string) => redactor.text(text);
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
      redactor.add(value);
    },
  };
}
