import { globalShortcut, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { CommandResult } from '../src/api/contract.js';
import type { ApiService } from '../src/api/service.js';
import { assistantTrayModel, type TrayAction, type TrayItem, type TrayRun } from './assistantTray.js';
import { trayIconDataUrl } from './icon.js';

/**
 * The Assistant's tray and global hotkeys (thin Electron wiring; the menu itself is the pure
 * model of assistantTray.ts). Rebuilt whenever the process list, the connection or a run changes.
 */

type Processes = CommandResult<'assistant.processes'>;

function toTemplate(items: TrayItem[], act: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.kind === 'separator') return { type: 'separator' };
    if (item.kind === 'label') return { label: item.label, enabled: false };
    if (item.kind === 'submenu') return { label: item.label, submenu: toTemplate(item.items, act) };
    return { label: item.label, enabled: item.enabled, accelerator: item.accelerator, registerAccelerator: false, click: () => act(item.action) };
  });
}

export function startAssistantShell(service: ApiService, ui: { show(): void; quit(): void }): () => void {
  const tray = new Tray(nativeImage.createFromDataURL(trayIconDataUrl));
  let processes: Processes = [];
  let connection: CommandResult<'assistant.connection'> | null = null;
  let run: TrayRun = null;
  let lang: 'en' | 'ru' = 'en';
  let registered: string[] = [];

  const call = (command: string, args: unknown = {}) => service.call(command, args);

  const act = (action: TrayAction) => {
    const done = (() => {
      switch (action.type) {
        case 'open':
          ui.show();
          return Promise.resolve();
        case 'quit':
          ui.quit();
          return Promise.resolve();
        case 'stop':
          return call('assistant.control', { runId: action.runId, action: 'stop' });
        case 'abort':
          return call('assistant.control', { runId: action.runId, action: 'abort' });
        case 'run':
          // A process that needs input opens its form in the window instead.
          return call('assistant.run', { id: action.processId, args: {} }).catch(() => ui.show());
      }
    })();
    void done.catch(() => undefined).then(refresh);
  };

  const render = () => {
    const model = assistantTrayModel({ lang, connection, processes, run });
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(toTemplate(model.items, act)));
  };

  /** Global hotkeys: each process's, and the stop hotkey (Electron accelerators use the same text). */
  const registerHotkeys = (stopHotkey: string | null) => {
    for (const accelerator of registered) globalShortcut.unregister(accelerator);
    registered = [];
    const add = (accelerator: string, action: () => void) => {
      try {
        if (globalShortcut.register(accelerator, action)) registered.push(accelerator);
      } catch {
        // An accelerator Electron cannot parse is skipped; the window still shows it.
      }
    };
    for (const process of processes) if (process.hotkey) add(process.hotkey, () => act({ type: 'run', processId: process.id }));
    if (stopHotkey) add(stopHotkey, () => run && act({ type: 'stop', runId: run.runId }));
  };

  async function refresh(): Promise<void> {
    const [list, state, active, settings, options] = (await Promise.all([
      call('assistant.processes'),
      call('assistant.connection'),
      call('assistant.active'),
      call('settings.get'),
      call('assistant.options'),
    ])) as [Processes, CommandResult<'assistant.connection'>, CommandResult<'assistant.active'>, CommandResult<'settings.get'>, CommandResult<'assistant.options'>];
    processes = list;
    connection = state;
    run = active.run ? { runId: active.run.runId, name: active.run.name, paused: run?.runId === active.run.runId && run.paused } : null;
    lang = settings.language;
    registerHotkeys(options.stopHotkey);
    render();
  }

  const off = service.onEvent((event, payload) => {
    if (event === 'assistant.changed') void refresh().catch(() => undefined);
    if (event === 'run.event') {
      const { runId, event: runEvent } = payload as { runId: string; event: { type: string; name?: string } };
      if (runEvent.type === 'run.started') run = { runId, name: runEvent.name ?? '' };
      else if (runEvent.type === 'paused' && run) run = { ...run, paused: true };
      else if (runEvent.type === 'resumed' && run) run = { ...run, paused: false };
      else if (runEvent.type === 'run.finished') run = null;
      else return;
      render();
    }
  });
  tray.on('click', () => ui.show());
  void refresh().catch(() => render());

  return () => {
    off();
    globalShortcut.unregisterAll();
    tray.destroy();
  };
}
