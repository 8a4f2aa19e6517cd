import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { normalizeGuid } from './context.js';
import { fail, ok, readBody, type Reply } from './http.js';

/** The admin API's JSON bodies and query filters, shared by its route groups. */

export type Body = Record<string, unknown>;

export async function readJson(req: IncomingMessage): Promise<Body> {
  const raw = (await readBody(req, 150 * 1024 * 1024)).toString('utf8').trim();
  if (!raw) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Body;
  } catch {}
  throw fail(400, 'The admin API takes a JSON object body.');
}

export const need = (body: Body, name: string): string => {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw fail(400, `"${name}" is required (a non-empty string).`);
  return value.trim();
};
export const optional = (body: Body, name: string): string | undefined => (typeof body[name] === 'string' ? body[name] : undefined);

/** A POST that inserts one row under the body's `guid` (or a new one); a duplicate is a 409. */
export const create = (insert: (guid: string, body: Body) => void) => async (req: { raw: IncomingMessage }): Promise<Reply> => {
  const body = await readJson(req.raw);
  const guid = typeof body.guid === 'string' && body.guid ? normalizeGuid(body.guid) : randomUUID();
  try {
    insert(guid, body);
  } catch (error) {
    if (error instanceof Error && /UNIQUE|PRIMARY KEY/.test(error.message)) throw fail(409, `Already exists: ${error.message}`);
    throw error;
  }
  return ok({ guid });
};

/** A GUID filter from the query string (`?jobGuid=…`), or null for all. */
export const filter = (req: { query: URLSearchParams }, name: string): string | null => {
  const value = req.query.get(name);
  return value ? normalizeGuid(value) : null;
};

