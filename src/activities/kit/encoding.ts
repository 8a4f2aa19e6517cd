import { loadIconv } from '../libraries.js';

/** Text encodings Russian business files come in: UTF-8 (with or without BOM) and Windows-1251. */
export const encodings = ['utf-8', 'utf-8-bom', 'windows-1251'] as const;
export type Encoding = (typeof encodings)[number];

export const encodingChoices = [
  { value: 'utf-8' as const, title: { en: 'UTF-8', ru: 'UTF-8' } },
  { value: 'utf-8-bom' as const, title: { en: 'UTF-8 with BOM (Excel)', ru: 'UTF-8 с BOM (для Excel)' } },
  { value: 'windows-1251' as const, title: { en: 'Windows-1251 (Cyrillic)', ru: 'Windows-1251 (кириллица)' } },
];

/** Decodes file bytes; a UTF-8 BOM is dropped whichever UTF-8 variant was chosen. */
export function decodeText(bytes: Buffer, encoding: Encoding): string {
  if (encoding === 'windows-1251') return loadIconv().decode(bytes, 'win1251');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Encodes text; `withBom` is for a file's first bytes only (appending never adds a BOM). */
export function encodeText(text: string, encoding: Encoding, withBom = true): Buffer {
  if (encoding === 'windows-1251') return loadIconv().encode(text, 'win1251');
  const bytes = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' && withBom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}
