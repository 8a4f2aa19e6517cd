// The retry policy moved to src/util/backoff.ts (one policy for every retry loop); this re-export
// keeps src/store/outboxWorker.ts (being edited elsewhere) working until it imports from there.
export * from '../util/backoff.js';
