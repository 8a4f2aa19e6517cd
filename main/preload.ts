import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../src/api/channels.js';
import type { CallOutcome, PreloadApi } from '../src/api/wire.js';

/**
 * The renderer's whole view of Electron: `window.cairn = { call, on }`. No ipcRenderer, no
 * channel names, no Node reach the page; main checks every call (sender + contract) anyway.
 */
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, frame: { event: string; payload: unknown }) => {
  for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
});

const api: PreloadApi = {
  call: (command, args) => ipcRenderer.invoke(IPC_CALL_CHANNEL, command, args) as Promise<CallOutcome>,
  on(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
};

contextBridge.exposeInMainWorld('cairn', api);
