import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
  nativeImage,
} from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../src/api/channels.js';
import { defaultDataDir } from '../src/api/dataDir.js';
import { createService, type ApiService } from '../src/api/service.js';
import { appResponse } from './appProtocol.js';
import { trayIconDataUrl } from './icon.js';
import { APP_ENTRY, APP_SCHEME, createCallHandler } from './ipc.js';
import { startAssistantShell } from './assistantShell.js';
import { applicationMenu } from './menu.js';
import { isNavigationAllowed, secureWebPreferences, shouldOpenExternally } from './navigation.js';
import { safeStorageCipher } from './safeStorageCipher.js';
import { idleTray, nextTrayStatus } from './trayStatus.js';

// The thin Electron shell: windows, tray, menu, security. Everything else is the core in src/,
// bundled with it into dist/core/main.js by scripts/build.js (no TypeScript at run time; the
// engine forks dist/core/runner.js). The build rewrites these URLs to point from dist/core.
const appRoot = fileURLToPath(new URL('..', import.meta.url));
const rendererDir = join(appRoot, 'dist', 'renderer');
const preload = fileURLToPath(new URL('./preload.ts', import.meta.url));

app.setName('Cairn');
app.setPath('userData', defaultDataDir());
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

let service: ApiService | undefined;
let mainWindow: BrowserWindow | undefined;
let tray: Tray | undefined;
/** The Assistant lives in the tray: closing its window does not quit it. */
let livesInTray = false;

function lockDown(): void {
  // Nothing the page asks for (camera, notifications, geolocation…) is granted.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (shouldOpenExternally(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Cairn',
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}

async function start(): Promise<void> {
  const argv = process.argv.slice(app.isPackaged ? 1 : 2);
  // `--assistant` (npm start -- --assistant, or the tray's own start): the Assistant face.
  const assistant = argv.includes('--assistant');
  const positional = argv.filter((arg) => !arg.startsWith('-'));
  service = createService({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    ...(assistant ? { face: 'assistant' as const, assistantPaths: positional } : { projectDir: positional[0] }),
    secretCipher: safeStorageCipher(safeStorage),
  });

  protocol.handle(APP_SCHEME, async (request) => {
    const reply = await appResponse(rendererDir, request.url);
    const body = typeof reply.body === 'string' ? reply.body : new Uint8Array(reply.body);
    return new Response(body, { status: reply.status, headers: reply.headers });
  });

  const handleCall = createCallHandler(service);
  ipcMain.handle(IPC_CALL_CHANNEL, (event, command: unknown, args: unknown) =>
    handleCall(
      { frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame?.parent === null },
      command,
      args,
    ),
  );

  if (assistant) {
    livesInTray = true;
    const show = () => {
      if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow();
      mainWindow.show();
    };
    startAssistantShell(service, { show, quit: () => app.quit() });
    service.onEvent((event, payload) => {
      for (const window of BrowserWindow.getAllWindows())
        window.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
    });
    Menu.setApplicationMenu(applicationMenu());
    mainWindow = createWindow();
    return;
  }

  tray = new Tray(nativeImage.createFromDataURL(trayIconDataUrl));
  let trayStatus = idleTray();
  const updateTray = () => {
    tray?.setToolTip(`Cairn — ${trayStatus.label}`);
    tray?.setContextMenu(
      Menu.buildFromTemplate([
        { label: trayStatus.label, enabled: false },
        { type: 'separator' },
        { label: 'Show Cairn', click: () => mainWindow?.show() },
        { label: 'Quit', click: () => app.quit() },
      ]),
    );
  };
  updateTray();

  service.onEvent((event, payload) => {
    for (const window of BrowserWindow.getAllWindows())
      window.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
    const next = nextTrayStatus(trayStatus, event, payload);
    if (next !== trayStatus) {
      trayStatus = next;
      updateTray();
    }
  });

  Menu.setApplicationMenu(
    applicationMenu((command) => mainWindow?.webContents.send(IPC_EVENT_CHANNEL, { event: 'app.menu', payload: { command } })),
  );
  mainWindow = createWindow();
}

lockDown();
app.on('second-instance', () => mainWindow?.show());
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin' && !livesInTray) app.quit();
});
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && service) mainWindow = createWindow();
});
let disposed = false;
app.on('before-quit', (event) => {
  // Runs must not outlive the app: abort them, then quit for real.
  if (disposed || !service) return;
  event.preventDefault();
  disposed = true;
  void service.dispose().finally(() => app.quit());
});
void app.whenReady().then(start);
