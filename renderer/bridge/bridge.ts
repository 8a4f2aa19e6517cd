import type {
  CommandArgs,
  CommandName,
  CommandResult,
  EventName,
  EventPayload,
} from '../../src/api/contract.js';
import { API_PATH } from '../../src/api/wire.js';
import { createElectronTransport } from './electron.js';
import type { ConnectionState, Transport } from './transport.js';
import { createWebSocketTransport } from './websocket.js';

/**
 * The renderer's ONLY way to the core: typed from src/api/contract.ts, transport-agnostic.
 *   const { doc, rev } = await bridge.call('scenario.read', { path });
 *   const off = bridge.on('run.event', ({ runId, event }) => …);
 */
export type Bridge = {
  readonly mode: 'electron' | 'browser';
  call<C extends CommandName>(command: C, ...args: ArgsTuple<C>): Promise<CommandResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Browser mode: follows the WebSocket (show "reconnecting…"); Electron: always `open`. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
};

/** Commands whose arguments are all optional can be called without them. */
type ArgsTuple<C extends CommandName> =
  Record<string, never> extends CommandArgs<C> ? [args?: CommandArgs<C>] : [args: CommandArgs<C>];

export function createBridge(getTransport: () => Transport): Bridge {
  let transport: Transport | undefined;
  const use = () => (transport ??= getTransport());
  return {
    get mode() {
      return use().mode;
    },
    call(command, ...args) {
      return use().call(command, args[0] ?? {}) as Promise<never>;
    },
    on(event, listener) {
      return use().on(event, listener as (payload: unknown) => void);
    },
    onConnection: (listener) => use().onConnection(listener),
  };
}

const TOKEN_KEY = 'cairn.token';

type LocationLike = { protocol: string; host: string; search: string };
type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The host prints `http://127.0.0.1:<port>/?token=…`. The token is kept in sessionStorage so the
 * UI may drop it from the address bar (and a reload still works).
 */
export function browserApiUrl(location: LocationLike, storage?: StorageLike): string {
  const fromQuery = new URLSearchParams(location.search).get('token');
  if (fromQuery) storage?.setItem(TOKEN_KEY, fromQuery);
  const token = fromQuery ?? storage?.getItem(TOKEN_KEY) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${API_PATH}?token=${encodeURIComponent(token)}`;
}

/** Electron when the preload exposed `window.cairn`, the loopback WebSocket otherwise. */
export function pickTransport(win: Window): Transport {
  if (win.cairn) return createElectronTransport(win.cairn);
  return createWebSocketTransport({ url: browserApiUrl(win.location, win.sessionStorage) });
}

/** The app-wide bridge; connects on first use, so importing it has no side effects. */
export const bridge: Bridge = createBridge(() => pickTransport(window));

export type { ConnectionState } from './transport.js';
