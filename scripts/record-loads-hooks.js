// The loader hooks of record-loads.js (they run on the loader's thread).
import { appendFileSync } from 'node:fs';

let file = '';

/** @param {{ file: string }} data */
export async function initialize(data) {
  file = data.file;
}

/**
 * @param {string} specifier
 * @param {unknown} context
 * @param {(specifier: string, context: unknown) => Promise<{ url: string }>} next
 */
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
