/** Electron IPC channels: ONE invoke channel for all commands, ONE channel for all events. Kept
 * free of imports so the sandboxed preload bundle stays tiny. */
export const IPC_CALL_CHANNEL = 'cairn:call';
export const IPC_EVENT_CHANNEL = 'cairn:event';
