import i18next from 'i18next';
import { bridge } from '../bridge/bridge.js';
import { reportError } from '../actions/notify.js';
import { useDesigner } from '../store/index.js';
import { hotkeyOfEvent, normalizeHotkey } from './hotkeys.js';
import { useAssistant } from './store.js';

/** The Assistant's calls to the core; every error lands in the notice line, never a throw. */

export async function loadProcesses(): Promise<void> {
  const processes = await bridge.call('assistant.processes').catch(reportError);
  if (processes) useAssistant.getState().setProcesses(processes);
}

export async function loadConnection(): Promise<void> {
  const connection = await bridge.call('assistant.connection').catch(reportError);
  if (connection) useAssistant.getState().setConnection(connection);
}

export async function loadOptions(): Promise<void> {
  const options = await bridge.call('assistant.options').catch(reportError);
  if (options) useAssistant.getState().setOptions(options);
}

export async function openRunForm(id: string): Promise<void> {
  const inputs = await bridge.call('assistant.processInputs', { id }).catch(reportError);
  if (inputs) useAssistant.getState().select(id, inputs);
}

export async function startProcess(id: string, args: Record<string, unknown>): Promise<boolean> {
  const run = await bridge.call('assistant.run', { id, args }).catch(reportError);
  if (!run) return false;
  useAssistant.getState().startLive(run);
  return true;
}

export function control(action: 'pause' | 'resume' | 'stop' | 'abort'): void {
  const live = useAssistant.getState().live;
  if (!live || live.state === 'finished') return;
  void bridge.call('assistant.control', { runId: live.runId, action }).catch(reportError);
}

/** A process's hotkey: runs it at once when it needs no input, else opens its form. */
async function runByHotkey(id: string): Promise<void> {
  const inputs = await bridge.call('assistant.processInputs', { id }).catch(reportError);
  if (!inputs) return;
  if (inputs.inputs.some((input) => input.required)) useAssistant.getState().select(id, inputs);
  else await startProcess(id, {});
}

/** Browser mode: the hotkeys work while the page has focus. */
export function onHotkey(event: KeyboardEvent): void {
  const pressed = hotkeyOfEvent(event);
  if (!pressed.includes('+')) return;
  const { processes, options, live } = useAssistant.getState();
  if (options?.stopHotkey && normalizeHotkey(options.stopHotkey) === pressed) {
    event.preventDefault();
    if (live && live.state !== 'finished') control('stop');
    return;
  }
  const target = processes.find((p) => p.hotkey && normalizeHotkey(p.hotkey) === pressed);
  if (target) {
    event.preventDefault();
    if (!live || live.state === 'finished') void runByHotkey(target.id);
  }
}

export function notifySaved(): void {
  useDesigner.getState().notify('info', i18next.t('assistant.settings.saved'));
}

/** Follows the core's events: run progress, dialogs, and what to reload. */
export function startAssistantEvents(): () => void {
  const offs = [
    bridge.on('run.event', ({ runId, event }) => useAssistant.getState().onRunEvent(runId, event)),
    bridge.on('dialog.request', (request) => useDesigner.getState().pushDialog(request)),
    bridge.on('dialog.closed', ({ requestId }) => useDesigner.getState().dropDialog(requestId)),
    bridge.on('assistant.changed', ({ what }) => {
      if (what === 'processes' || what === 'history') void loadProcesses();
      if (what === 'connection') void loadConnection();
      if (what === 'options') void loadOptions();
    }),
  ];
  // The backlog and "since" move without events: refresh the connection line now and then.
  const timer = window.setInterval(() => void loadConnection(), 2000);
  window.addEventListener('keydown', onHotkey);
  return () => {
    offs.forEach((off) => off());
    window.clearInterval(timer);
    window.removeEventListener('keydown', onHotkey);
  };
}
