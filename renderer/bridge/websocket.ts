import { ApiError, fromErrorPayload } from '../../src/api/errors.js';
import { eventFrameSchema, responseFrameSchema } from '../../src/api/wire.js';
import { deliver, type ConnectionState, type Transport } from './transport.js';

/** The part of the browser's WebSocket this transport uses (the `ws` package fits it in tests). */
export type WebSocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
};
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type WebSocketTransportOptions = {
  url: string;
  WebSocketImpl?: WebSocketConstructor;
  /** Waits before reconnect attempts; the last one repeats. */
  reconnectDelaysMs?: number[];
};

type Pending = { command: string; frame: string; resolve(value: unknown): void; reject(error: Error): void };

const OPEN = 1;

/**
 * The browser-mode transport: one WebSocket to the loopback host. Calls made while connecting
 * wait for the socket; when a connection closes, every call that has not been answered is
 * rejected with a `disconnected` error (never left hanging) and the transport reconnects.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const WebSocketImpl = options.WebSocketImpl ?? (globalThis.WebSocket as unknown as WebSocketConstructor);
  const delays = options.reconnectDelaysMs ?? [250, 500, 1000, 2000, 5000];
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let socket: WebSocketLike | undefined;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let closedForGood = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    deliver(connectionListeners, next);
  };

  const onMessage = (data: unknown) => {
    let frame: unknown;
    try {
      frame = JSON.parse(String(data));
    } catch {
      console.error('cairn bridge: the host sent a frame that is not JSON');
      return;
    }
    const event = eventFrameSchema.safeParse(frame);
    if (event.success) {
      deliver(eventListeners.get(event.data.event) ?? [], event.data.payload);
      return;
    }
    const response = responseFrameSchema.safeParse(frame);
    if (!response.success) return;
    const call = pending.get(response.data.id);
    if (!call) return;
    pending.delete(response.data.id);
    if (response.data.ok) call.resolve(response.data.result);
    else call.reject(fromErrorPayload(response.data.error));
  };

  const connect = () => {
    setState('connecting');
    const ws = new WebSocketImpl(options.url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
      for (const call of pending.values()) ws.send(call.frame);
    };
    ws.onmessage = (message) => onMessage(message.data);
    ws.onerror = () => {}; // a close always follows; handled there
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      for (const [id, call] of pending) {
        pending.delete(id);
        call.reject(
          new ApiError(
            'disconnected',
            `Connection to the Cairn host closed before "${call.command}" was answered`,
          ),
        );
      }
      setState('closed');
      if (closedForGood) return;
      const delay = delays[Math.min(attempt, delays.length - 1)];
      attempt += 1;
      reconnectTimer = setTimeout(connect, delay);
    };
  };

  connect();

  return {
    mode: 'browser',
    call(command, args) {
      if (closedForGood)
        return Promise.reject(
          new ApiError('disconnected', `The bridge is closed; "${command}" was not sent`),
        );
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const frame = JSON.stringify({ id, command, args: args ?? {} });
        pending.set(id, { command, frame, resolve, reject });
        // Not open yet: the frame goes out in onopen; if this attempt fails, onclose rejects it.
        if (socket && socket.readyState === OPEN) socket.send(frame);
      });
    },
    on(event, listener) {
      let set = eventListeners.get(event);
      if (!set) eventListeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
    close() {
      closedForGood = true;
      clearTimeout(reconnectTimer);
      socket?.close(1000, 'closed by the UI');
    },
  };
}
