/** What the bridge needs from a transport (Electron IPC or the loopback WebSocket). */

export type ConnectionState = 'connecting' | 'open' | 'closed';

export type Transport = {
  readonly mode: 'electron' | 'browser';
  /** Resolves with the command's result; rejects with an `ApiError` (src/api/errors.ts). */
  call(command: string, args: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
};

/** Calls a listener, keeping one faulty listener from breaking event delivery to the others. */
export function deliver<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      console.error('cairn bridge: an event listener threw', error);
    }
  }
}
