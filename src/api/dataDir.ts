import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Cairn keeps its own data (settings, recovery copies, the app database) when no `--data`
 * is given: the platform's per-user app-data folder, named like Electron's `userData` for the
 * product "Cairn", so the browser host and the desktop app share one folder.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.CAIRN_DATA_DIR) return env.CAIRN_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Cairn');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Cairn');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Cairn');
}
