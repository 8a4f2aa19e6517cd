import { BlockError } from '../../define.js';
import { BAD_INPUT } from '../../kit/checks.js';

/** The locales offered in the UI; any BCP 47 tag Intl knows also works from an expression. */
export const localeChoices = [
  { value: 'ru-RU', title: { en: 'Russian (1 234,56)', ru: 'Русский (1 234,56)' } },
  { value: 'en-US', title: { en: 'English (1,234.56)', ru: 'Английский (1,234.56)' } },
  { value: 'de-DE', title: { en: 'German (1.234,56)', ru: 'Немецкий (1.234,56)' } },
];

function separators(locale: string): { group: string; decimal: string } {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  } catch {
    throw new BlockError(`Locale "${locale}" is not known: use a tag like ru-RU or en-US`, BAD_INPUT);
  }
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? '',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const spaces = /[\s\u00a0\u202f]/g;

/**
 * Parses a number written the way `locale` writes it. Space-like group separators accept any
 * kind of space, since people type a plain space where Intl writes a no-break one.
 */
export function parseLocaleNumber(text: string, locale: string): number {
  const { group, decimal } = separators(locale);
  let plain = text.trim().replace(/^\u2212/, '-');
  if (group.replace(spaces, '') === '') plain = plain.replace(spaces, '');
  else plain = plain.split(group).join('');
  plain = plain.split(decimal).join('.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain)) {
    const example = new Intl.NumberFormat(locale).format(-1234.56);
    throw new BlockError(`Text "${text}" is not a number in the ${locale} format (for example ${example})`, 'BAD_NUMBER');
  }
  return Number(plain);
}

export function formatLocaleNumber(value: number, locale: string, decimals: number | undefined, grouping: boolean): string {
  separators(locale);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals ?? 20,
    useGrouping: grouping,
  }).format(value);
}
