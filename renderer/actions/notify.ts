import i18next from 'i18next';
import { currentLang } from '../i18n/index.js';
import { translateRunMessage } from '../i18n/runMessages.js';
import { useDesigner } from '../store/index.js';

/** Shows an error from the host in the status bar and returns undefined, for `.catch(reportError)`. */
export function reportError(error: unknown): undefined {
  const raw = error instanceof Error ? error.message : String(error);
  // The host answers in English; the user reads it in the UI's language where it is a known phrase.
  const message = translateRunMessage(raw, (key, options) => i18next.t(key, options), currentLang(i18next.language));
  useDesigner.getState().notify('error', i18next.t('notices.error', { message }));
  return undefined;
}

/** Base name of a path, for messages (`/p/main.scenario.json` → `main.scenario.json`). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
