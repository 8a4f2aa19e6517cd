import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ru } from './ru.js';
import { assistantEn } from '../assistant/i18n/en.js';
import { assistantRu } from '../assistant/i18n/ru.js';

/** Every leaf key as a dotted path, with the placeholders its text uses. */
function leaves(messages: object, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of leaves(value as object, path)) out.set(k, v);
    else out.set(path, [...String(value).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort());
  }
  return out;
}

describe.each([
  ['Designer', en, ru],
  ['Assistant', assistantEn, assistantRu],
])('%s UI strings', (_face, english, russian) => {
  const enKeys = leaves(english);
  const ruKeys = leaves(russian);

  it('has every English key in Russian and every Russian key in English', () => {
    expect([...enKeys.keys()].filter((k) => !ruKeys.has(k))).toEqual([]);
    expect([...ruKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('uses the same placeholders in both languages, and no Russian text is left empty', () => {
    const mismatched = [...enKeys].filter(([k, vars]) => ruKeys.has(k) && ruKeys.get(k)!.join() !== vars.join()).map(([k]) => k);
    expect(mismatched).toEqual([]);
    const empty = [...leaves(russian).keys()].filter((k) => k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], russian) === '');
    expect(empty).toEqual([]);
  });
});
