import { BlockError } from '../../define.js';

/** Accepts http(s), file and about: addresses; anything else is a typo worth naming. */
export function parseWebUrl(raw: string): string {
  // Empty is the engine's "is required" for a required URL; only spaces reach here.
  if (raw.trim() === '') throw new BlockError('URL is empty', 'BAD_INPUT');
  const text = raw.trim();
  try {
    const url = new URL(text);
    if (['http:', 'https:', 'file:', 'about:', 'data:'].includes(url.protocol)) return url.toString();
  } catch {}
  throw new BlockError(`"${text}" is not a web address (expected http://…, https:// or file://…)`, 'BAD_INPUT');
}
