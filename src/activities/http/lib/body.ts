import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BlockError, type BlockContext } from '../../define.js';

export type BodyType = 'none' | 'json' | 'form' | 'multipart' | 'text';

export type PreparedBody = { data?: unknown; contentType?: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Turns the block's body parameters into what axios sends, with the matching Content-Type. */
export async function prepareBody(
  ctx: BlockContext,
  bodyType: BodyType,
  body: unknown,
  files: Record<string, unknown> | undefined,
): Promise<PreparedBody> {
  switch (bodyType) {
    case 'none':
      return {};
    case 'json':
      return { data: JSON.stringify(body ?? null), contentType: 'application/json; charset=utf-8' };
    case 'text':
      return { data: fieldText(body), contentType: 'text/plain; charset=utf-8' };
    case 'form': {
      if (body !== undefined && !isPlainObject(body)) {
        throw new BlockError(`A form body must be a dictionary of fields, got ${describe(body)}`, 'BAD_INPUT');
      }
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(body ?? {})) form.append(name, fieldText(value));
      return { data: form.toString(), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'multipart':
      return { data: await multipart(ctx, body, files) };
    default:
      throw new BlockError(`Unknown body type "${String(bodyType)}": use none, json, form, multipart or text`, 'BAD_INPUT');
  }
}

/** Multipart: plain fields from `body`, files streamed from disk (field name → path). */
async function multipart(ctx: BlockContext, body: unknown, files: Record<string, unknown> | undefined): Promise<FormData> {
  if (body !== undefined && body !== null && !isPlainObject(body)) {
    throw new BlockError(`Multipart fields must be a dictionary, got ${describe(body)}`, 'BAD_INPUT');
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(body ?? {})) form.append(name, fieldText(value));
  for (const [field, rawPath] of Object.entries(files ?? {})) {
    if (typeof rawPath !== 'string' || rawPath === '') {
      throw new BlockError(`File for multipart field "${field}" must be a path, got ${describe(rawPath)}`, 'BAD_INPUT');
    }
    const path = ctx.resolvePath(rawPath);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new BlockError(`File to upload not found: ${path} (field "${field}")`, 'ENOENT');
    form.append(field, await openAsBlob(path), basename(path));
  }
  return form;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `text "${value.slice(0, 40)}"` : typeof value;
}
