import { ApiError, fromErrorPayload } from '../../src/api/errors.js';
import { eventFrameSchema, responseFrameSchema, type EventFrame, type ResponseFrame } from '../../src/api/wire.js';
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

/** Calls sent (or waiting to be) and not yet answered, by frame id. */
function createPendingCalls() {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  return {
    /** Registers a call; its frame is what goes on the wire. */
    add(command: string, args: unknown, resolve: Pending['resolve'], reject: Pending['reject']): string {
      const id = nextId++;
      const frame = JSON.stringify({ id, command, args: args ?? {} });
      pending.set(id, { command, frame, resolve, reject });
      return frame;
    },
    frames: () => [...pending.values()].map((call) => call.frame),
    answer(response: ResponseFrame): void {
      const call = pending.get(response.id);
      if (!call) return;
      pending.delete(response.id);
      if (response.ok) call.resolve(response.result);
      else call.reject(fromErrorPayload(response.error));
    },
    /** A closed connection answers nothing more: every waiting call fails now, never hangs. */
    rejectAll(): void {
      for (const [id, call] of pending) {
        pending.delete(id);
        call.reject(new ApiError('disconnected', `Connection to the Cairn host closed before "${call.command}" was answered`));
      }
    },
  };
}

/** A frame from the host: an event, a response, or (logged) neither. */
function readFrame(data: unknown): { event: EventFrame } | { response: ResponseFrame } | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(String(data));
  } catch {
    console.error('cairn bridge: the host sent a frame that is not JSON');
    return undefined;
  }
  const event = eventFrameSchema.safeParse(frame);
  if (event.success) return { event: event.data };
  const response = responseFrameSchema.safeParse(frame);
  return response.success ? { response: response.data } : undefined;
}

type SocketHandlers = { onOpen(ws: WebSocketLike): void; onMessage(data: unknown): void; onClose(): void; onState(state: ConnectionState): void };

/** One WebSocket at a time to `url`, opened again after each close (waits from `delays`) until `close()`. */
function createReconnectingSocket(url: string, WebSocketImpl: WebSocketConstructor, delays: number[], on: SocketHandlers) {
  let socket: WebSocketLike | undefined;
  let attempt = 0;
  let closedForGood = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    on.onState('connecting');
    const ws = new WebSocketImpl(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      on.onState('open');
      on.onOpen(ws);
    };
    ws.onmessage = (message) => on.onMessage(message.data);
    ws.onerror = () => {}; // a close always follows; handled there
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      on.onClose();
      on.onState('closed');
      if (closedForGood) return;
      const delay = delays[Math.min(attempt, delays.length - 1)];
      attempt += 1;
      reconnectTimer = setTimeout(connect, delay);
    };
  };
  connect();
  return {
    get closed() {
      return closedForGood;
    },
    /** Sends when open; otherwise the frame waits for the next open (see onOpen). */
    send(frame: string): void {
      if (socket && socket.readyState === OPEN) socket.send(frame);
    },
    close(): void {
      closedForGood = true;
      clearTimeout(reconnectTimer);
      socket?.close(1000, 'closed by the UI');
    },
  };
}

/**
 * The browser-mode transport: one WebSocket to the loopback host. Calls made while connecting
 * wait for the socket; when a connection closes, every call that has not been answered is
 * rejected with a `disconnected` error (never left hanging) and the transport reconnects.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const WebSocketImpl = options.WebSocketImpl ?? (globalThis.WebSocket as unknown as WebSocketConstructor);
  const calls = createPendingCalls();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  const socket = createReconnectingSocket(options.url, WebSocketImpl, options.reconnectDelaysMs ?? [250, 500, 1000, 2000, 5000], {
    onOpen: (ws) => {
      for (const frame of calls.frames()) ws.send(frame);
    },
    onMessage: (data) => {
      const frame = readFrame(data);
      if (frame && 'event' in frame) deliver(eventListeners.get(frame.event.event) ?? [], frame.event.payload);
      else if (frame) calls.answer(frame.response);
    },
    onClose: () => calls.rejectAll(),
    onState: (next) => {
      if (state === next) return;
      state = next;
      deliver(connectionListeners, next);
    },
  });

  return {
    mode: 'browser',
    call(command, args) {
      if (socket.closed) return Promise.reject(new ApiError('disconnected', `The bridge is closed; "${command}" was not sent`));
      // Not open yet: the frame goes out on open; if this attempt fails, the close rejects it.
      return new Promise((resolve, reject) => socket.send(calls.add(command, args, resolve, reject)));
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
    close: () => socket.close(),
  };
}
