import i18next from 'i18next';
import { bridge } from '../bridge/bridge.js';
import { useDesigner } from '../store/index.js';
import type { Lang } from '../model/types.js';
import { reportError } from '../actions/notify.js';

/** Language and theme: applied at once, remembered by the host (`settings.set`). */
export async function setLanguage(lang: Lang): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  await bridge.call('settings.set', { language: lang }).catch(reportError);
}

export async function setTheme(theme: 'light' | 'dark'): Promise<void> {
  useDesigner.getState().setTheme(theme);
  document.documentElement.dataset.theme = theme;
  await bridge.call('settings.set', { theme }).catch(reportError);
}
