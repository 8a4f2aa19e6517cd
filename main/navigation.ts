import { APP_HOST, APP_SCHEME } from './ipc.js';

/**
 * Where the window may go. The UI is a single page: it never navigates, so any navigation is
 * refused except reloading the app itself; new windows are always refused, and plain https
 * links (help pages) open in the user's browser instead of inside the app.
 */
export function isNavigationAllowed(url: string): boolean {
  try {
    // Custom schemes have an opaque `origin` ("null"), so compare scheme and host instead.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export function shouldOpenExternally(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** BrowserWindow webPreferences: the renderer gets no Node, no Electron, no webview. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}
