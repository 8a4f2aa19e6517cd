import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { BlockError } from '../../define.js';

/** Where Chromium-family browsers live on each system, most likely first. */
function candidates(): string[] {
  switch (process.platform) {
    case 'linux':
      return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
    case 'darwin':
      return [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ];
    case 'win32': {
      const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter((r): r is string => !!r);
      return roots.flatMap((root) => [
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]);
    }
    default:
      return [];
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to launch: the block's parameter, else CAIRN_BROWSER, else the first installed
 * Chromium-family browser. When none is found the error says how to fix it.
 */
export function findBrowserExecutable(configured: string | undefined): string {
  const explicit = configured?.trim() || process.env.CAIRN_BROWSER?.trim();
  if (explicit) {
    if (!isExecutable(explicit)) {
      throw new BlockError(`Browser executable "${explicit}" does not exist or cannot be run`, 'BROWSER_NOT_FOUND');
    }
    return explicit;
  }
  const found = candidates().find(isExecutable);
  if (found) return found;
  throw new BlockError(
    'No Chromium, Chrome or Edge found. Install one (Debian/Ubuntu: "apt-get install chromium") or set the block\'s ' +
      '"Browser executable" parameter or the CAIRN_BROWSER environment variable to its path',
    'BROWSER_NOT_FOUND',
  );
}

/** The launch flags the project uses everywhere: quiet, no first-run UI, no background traffic. */
export const browserArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
