import type { CommandResult } from '../src/api/contract.js';

/**
 * The Assistant's tray menu as plain data (pure: unit-tested without Electron): the robot's status
 * icon and line, Run for each process, Stop / Abort for the run going, open the app, quit.
 * `main/assistantShell.ts` turns it into an Electron menu and performs the actions.
 */

export type TrayProcess = Pick<CommandResult<'assistant.processes'>[number], 'id' | 'name' | 'favourite' | 'hotkey'>;
export type TrayConnection = Pick<CommandResult<'assistant.connection'>, 'state'>;
export type TrayRun = { runId: string; name: string; paused?: boolean } | null;

export type TrayIcon = 'idle' | 'running' | 'offline';

export type TrayAction =
  | { type: 'run'; processId: string }
  | { type: 'stop'; runId: string }
  | { type: 'abort'; runId: string }
  | { type: 'open' }
  | { type: 'quit' };

export type TrayItem =
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; label: string; action: TrayAction; enabled: boolean; accelerator?: string }
  | { kind: 'submenu'; label: string; items: TrayItem[] };

export type TrayModel = { icon: TrayIcon; tooltip: string; items: TrayItem[] };

const LABELS = {
  en: {
    idle: 'Robot: ready',
    running: 'Robot: running {name}',
    paused: 'Robot: {name} paused',
    offline: 'Orchestrator unreachable',
    notRegistered: 'Robot not registered in the Orchestrator',
    local: 'Not connected (local runs only)',
    connected: 'Connected to the Orchestrator',
    run: 'Run',
    none: 'No processes — open the app to add one',
    stop: 'Stop {name}',
    abort: 'Abort {name}',
    open: 'Open Cairn Assistant',
    quit: 'Quit',
  },
  ru: {
    idle: 'Робот: готов',
    running: 'Робот: выполняется {name}',
    paused: 'Робот: {name} на паузе',
    offline: 'Оркестратор недоступен',
    notRegistered: 'Робот не зарегистрирован в Оркестраторе',
    local: 'Нет подключения (только локальные запуски)',
    connected: 'Подключено к Оркестратору',
    run: 'Запустить',
    none: 'Процессов нет — откройте приложение, чтобы добавить',
    stop: 'Остановить {name}',
    abort: 'Прервать {name}',
    open: 'Открыть Cairn Ассистент',
    quit: 'Выход',
  },
} as const;

const fill = (text: string, name: string) => text.replace('{name}', name);

export function assistantTrayModel(state: {
  lang: 'en' | 'ru';
  connection: TrayConnection | null;
  processes: TrayProcess[];
  run: TrayRun;
}): TrayModel {
  const l = LABELS[state.lang];
  const { run, connection } = state;
  const unreachable = connection?.state === 'unreachable' || connection?.state === 'notRegistered';
  const icon: TrayIcon = run ? 'running' : unreachable ? 'offline' : 'idle';
  const status = run ? fill(run.paused ? l.paused : l.running, run.name) : l.idle;
  const link =
    connection?.state === 'unreachable'
      ? l.offline
      : connection?.state === 'notRegistered'
        ? l.notRegistered
        : connection?.state === 'connected'
          ? l.connected
          : l.local;
  const ordered = [...state.processes].sort((a, b) => Number(b.favourite) - Number(a.favourite) || a.name.localeCompare(b.name));
  const runItems: TrayItem[] =
    ordered.length === 0
      ? [{ kind: 'label', label: l.none }]
      : ordered.map((p) => ({
          kind: 'action',
          label: `${p.favourite ? '★ ' : ''}${p.name}`,
          action: { type: 'run', processId: p.id },
          enabled: run === null,
          ...(p.hotkey ? { accelerator: p.hotkey } : {}),
        }));
  const items: TrayItem[] = [
    { kind: 'label', label: status },
    { kind: 'label', label: link },
    { kind: 'separator' },
    { kind: 'submenu', label: l.run, items: runItems },
  ];
  if (run) {
    items.push(
      { kind: 'action', label: fill(l.stop, run.name), action: { type: 'stop', runId: run.runId }, enabled: true },
      { kind: 'action', label: fill(l.abort, run.name), action: { type: 'abort', runId: run.runId }, enabled: true },
    );
  }
  items.push({ kind: 'separator' }, { kind: 'action', label: l.open, action: { type: 'open' }, enabled: true }, { kind: 'action', label: l.quit, action: { type: 'quit' }, enabled: true });
  return { icon, tooltip: `Cairn — ${status} · ${link}`, items };
}
