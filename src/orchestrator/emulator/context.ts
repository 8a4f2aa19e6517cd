import type { IncomingMessage } from 'node:http';
import type { Database } from 'better-sqlite3';
import { statements } from '../../store/database.js';
import { basicCredential, fail, type Reply } from './http.js';

/** What every route of the emulator shares: the database, the clock and the request journal. */

export type SeenRequest = { method: string; path: string; robotGuid: string; status: number; at: string };

export type EmulatorContext = {
  db: Database;
  now: () => string;
  /** Every request seen, oldest first (capped), for /admin/requests. */
  requests: SeenRequest[];
  /** The credential of a request: a known robot or API key, or a 401. */
  caller(req: IncomingMessage): Caller;
  /** An integration call (publishing): an API key, else 401 (unknown) or 403 (a robot's GUID). */
  integration(req: IncomingMessage): Caller;
};

export type Caller = { guid: string; kind: 'robot' | 'apiKey' };

export type EmuRequest = {
  raw: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  /** The pattern's capture groups, URL-decoded. */
  params: string[];
};

export type RouteDef = {
  methods: string[];
  pattern: RegExp;
  handle(req: EmuRequest): Promise<Reply> | Reply;
};

export const REQUEST_JOURNAL_CAP = 200_000;

export function createContext(db: Database): EmulatorContext {
  const sql = statements(db, {
    robot: 'SELECT 1 FROM robots WHERE guid = ?',
    apiKey: 'SELECT 1 FROM api_keys WHERE guid = ?',
  });
  // Robots and API keys are only ever added, never removed: a credential once found stays valid,
  // so every later call of a robot (a job's thousands of log lines) skips the lookup.
  const known = new Map<string, Caller>();
  const caller = (req: IncomingMessage): Caller => {
    const guid = basicCredential(req);
    const seen = known.get(guid);
    if (seen) return seen;
    const found: Caller | undefined = sql.robot.get(guid) ? { guid, kind: 'robot' } : sql.apiKey.get(guid) ? { guid, kind: 'apiKey' } : undefined;
    if (!found) throw fail(401, `The GUID in Authorization is neither a registered robot nor an API key.`);
    known.set(guid, found);
    return found;
  };
  return {
    db,
    now: () => new Date().toISOString(),
    requests: [],
    caller,
    integration(req) {
      const found = caller(req);
      if (found.kind === 'robot') throw fail(403, 'A robot GUID may not publish: use an API key (Basic base64(<API key GUID>)).');
      return found;
    },
  };
}

/** Lowercased GUID (the emulator stores GUIDs lowercased, so case never splits one robot in two). */
export const normalizeGuid = (value: string): string => value.trim().toLowerCase();
