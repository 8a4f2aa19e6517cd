import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ru } from './ru.js';
import type { Lang, Localized } from '../model/types.js';

export const languages: Lang[] = ['en', 'ru'];

export async function initI18n(lng: Lang): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ru: { translation: ru } },
    interpolation: { escapeValue: false }, // React escapes already
  });
}

export function currentLang(lng: string | undefined): Lang {
  return lng === 'ru' ? 'ru' : 'en';
}

/** Picks the user's language from a catalog text (block titles, help). */
export function localized(text: Localized | undefined, lang: Lang): string {
  return text ? text[lang] || text.en : '';
}
