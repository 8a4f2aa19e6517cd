import i18next from 'i18next';
import { useDesigner } from '../store/index.js';

/** Shows an error from the host in the status bar and returns undefined, for `.catch(reportError)`. */
export function reportError(error: unknown): undefined {
  const message = error instanceof Error ? error.message : String(error);
  useDesigner.getState().notify('error', i18next.t('notices.error', { message }));
  return undefined;
}

/** Base name of a path, for messages (`/p/main.scenario.json` → `main.scenario.json`). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
