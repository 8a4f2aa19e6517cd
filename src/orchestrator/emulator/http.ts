import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';

/** Request/answer plumbing of the emulator: bodies with caps, forms, multipart, Basic auth. */

export type Reply =
  | { status: number; json: unknown }
  | { status: number; bytes: Buffer; contentType: string; fileName?: string };

/** A refusal with the Orchestrator's error shape `{ ErrorCode, ErrorText }`. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly errorText: string,
    readonly errorCode: number = status,
  ) {
    super(errorText);
    this.name = 'HttpFailure';
  }
}

export const fail = (status: number, text: string, code?: number): HttpFailure => new HttpFailure(status, text, code);

export type Form = Record<string, string>;
export type UploadedFile = { field: string; fileName: string; data: Buffer };

const FORM_CAP = 20 * 1024 * 1024;
export const PACKAGE_CAP = 100 * 1024 * 1024;

/**
 * The whole body, refused past `cap`. Read with 'data'/'end' rather than an async iterator: a log
 * line is one small chunk, and the iterator's per-request setup was a visible share of the
 * emulator's cost per call. The listeners go with the request, so none is removed; once refused,
 * the rest of the body is read and dropped, which keeps the connection usable.
 */
export function readBody(req: IncomingMessage, cap: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > cap) return Promise.reject(fail(413, `Request body of ${declared} bytes is over the ${cap}-byte limit.`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > cap) return;
      size += chunk.length;
      if (size > cap) reject(fail(413, `Request body is over the ${cap}-byte limit.`));
      else chunks.push(chunk);
    });
    // A settled promise ignores the later calls: 'close' after 'end', 'end' after a refusal.
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.on('error', reject);
    req.on('close', () => reject(new Error('The client closed the connection before the body arrived.')));
  });
}

const mediaType = (req: IncomingMessage): string => (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

/** Form fields of a urlencoded or multipart body (files of a multipart body are returned too). */
export async function readForm(req: IncomingMessage, fileCap = PACKAGE_CAP): Promise<{ form: Form; files: UploadedFile[] }> {
  const type = mediaType(req);
  if (type === 'multipart/form-data') return readMultipart(req, fileCap);
  const body = await readBody(req, FORM_CAP);
  if (body.length === 0) return { form: {}, files: [] };
  if (type !== 'application/x-www-form-urlencoded' && type !== '') {
    throw fail(415, `Send the fields as application/x-www-form-urlencoded (got "${type}").`);
  }
  return { form: Object.fromEntries(new URLSearchParams(body.toString('utf8'))), files: [] };
}

function readMultipart(req: IncomingMessage, fileCap: number): Promise<{ form: Form; files: UploadedFile[] }> {
  return new Promise((resolve, reject) => {
    const form: Form = {};
    const files: UploadedFile[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: fileCap, files: 4, fields: 100 } });
    } catch (error) {
      reject(fail(400, `Malformed multipart body: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    parser.on('field', (name, value) => {
      form[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(fail(413, `Uploaded file "${info.filename}" is over the ${fileCap}-byte limit.`)));
      stream.on('end', () => files.push({ field: name, fileName: info.filename ?? '', data: Buffer.concat(chunks) }));
    });
    parser.on('error', (error: Error) => reject(fail(400, `Malformed multipart body: ${error.message}`)));
    parser.on('close', () => resolve({ form, files }));
    req.pipe(parser);
  });
}

/** The GUID of `Authorization: Basic base64(guid)`, or a 401 that says what is wrong. */
export function basicCredential(req: IncomingMessage): string {
  const header = req.headers.authorization;
  if (!header) throw fail(401, 'Missing Authorization header: send "Basic base64(<robot GUID>)".');
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) throw fail(401, 'Authorization must be "Basic base64(<robot GUID>)".');
  const guid = Buffer.from(match[1], 'base64').toString('utf8').trim();
  // The seed sends the GUID alone; a "guid:" user-password form is tolerated for curl users.
  const alone = guid.endsWith(':') ? guid.slice(0, -1) : guid;
  if (!/^[0-9a-fA-F-]{8,64}$/.test(alone)) throw fail(401, 'Authorization does not carry a GUID.');
  return alone.toLowerCase();
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if ('bytes' in reply) {
    res.writeHead(reply.status, {
      'Content-Type': reply.contentType,
      'Content-Length': reply.bytes.length,
      ...(reply.fileName ? { 'Content-Disposition': `attachment; filename="${reply.fileName.replace(/"/g, '')}"` } : {}),
    });
    res.end(reply.bytes);
    return;
  }
  // A string body goes out in one write with the head (a Buffer would make it a two-part writev).
  const body = JSON.stringify(reply.json);
  res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export const ok = (json: unknown): Reply => ({ status: 200, json });

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || (address ?? '').startsWith('127.');
}
