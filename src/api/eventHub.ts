import { events, type EventName, type EventPayload } from './contract.js';
import type { Emit } from './context.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type EventHub = { emit: Emit; on(listener: EventListener): () => void; clear(): void };

/**
 * Events to every listener (the transports). A payload outside the contract is our bug: it is
 * logged and still sent as it is, so the UI shows something rather than nothing.
 */
export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const checked = events[event].safeParse(payload);
      if (!checked.success)
        console.error(`cairn api: event "${event}" does not match the contract: ${checked.error.message}`);
      for (const listener of listeners)
        listener(event, (checked.success ? checked.data : payload) as typeof payload);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: () => listeners.clear(),
  };
}
