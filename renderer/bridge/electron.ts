import { fromErrorPayload } from '../../src/api/errors.js';
import type { PreloadApi } from '../../src/api/wire.js';
import type { ConnectionState, Transport } from './transport.js';

/** Transport over the Electron preload (`window.cairn`): IPC never disconnects, so it is always open. */
export function createElectronTransport(api: PreloadApi): Transport {
  return {
    mode: 'electron',
    async call(command, args) {
      const outcome = await api.call(command, args);
      if (outcome.ok) return outcome.result;
      throw fromErrorPayload(outcome.error);
    },
    on: (event, listener) => api.on(event, listener),
    onConnection(listener: (state: ConnectionState) => void) {
      listener('open');
      return () => {};
    },
    close() {},
  };
}
