import type { CommandName, CommandResult, EventName, EventPayload, ParsedArgs } from './contract.js';

/** One handler per command, receiving validated arguments. */
export type Handlers = { [C in CommandName]: (args: ParsedArgs<C>) => Promise<CommandResult<C>> };

/** Emits a contract event to every connected UI. */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
