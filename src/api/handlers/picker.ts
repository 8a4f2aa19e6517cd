import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import { PickerBrowser, PickerError, type PickerOptions } from '../../picker/picker.js';

type PickerHandlers = Pick<Handlers, 'picker.pick' | 'picker.cancel' | 'picker.highlight' | 'picker.recordStart' | 'picker.recordStop' | 'picker.close'>;

function toApiError(error: unknown): unknown {
  if (error instanceof PickerError) {
    const code = error.code === 'bad_url' ? 'invalid_args' : error.code === 'launch' ? 'internal' : 'not_available';
    return new ApiError(code, error.message);
  }
  if (error instanceof Error && error.name === 'BlockError') return new ApiError('invalid_args', error.message);
  if (error instanceof Error && /net::ERR_/.test(error.message)) return new ApiError('not_available', `The page could not be opened: ${error.message.split('\n')[0]}`);
  return error;
}

/**
 * One picker browser per service, opened on first use and kept between picks (the person may
 * have logged in to the site in it); closed with the service.
 */
export function createPickerHandlers(options: PickerOptions = {}): { handlers: PickerHandlers; dispose(): Promise<void> } {
  let picker: Promise<PickerBrowser> | undefined;

  async function open(url: string | undefined): Promise<PickerBrowser> {
    let current = picker ? await picker.catch(() => undefined) : undefined;
    if (!current?.isOpen) {
      picker = PickerBrowser.open(options);
      current = await picker;
    }
    await current.show(url?.trim() || undefined);
    return current;
  }

  const guarded = <A, R>(fn: (args: A) => Promise<R>) => async (args: A): Promise<R> => {
    try {
      return await fn(args);
    } catch (error) {
      throw toApiError(error);
    }
  };

  const handlers: PickerHandlers = {
    'picker.pick': guarded(async ({ url }) => (await open(url)).pick()),
    'picker.cancel': guarded(async () => {
      (await picker?.catch(() => undefined))?.cancelPick();
      return {};
    }),
    'picker.highlight': guarded(async ({ url, selector, by }) => ({ count: await (await open(url)).highlight(selector, by) })),
    'picker.recordStart': guarded(async ({ url }) => {
      await (await open(url)).startRecording();
      return {};
    }),
    'picker.recordStop': guarded(async () => {
      const current = await picker?.catch(() => undefined);
      return { steps: current ? await current.stopRecording() : [] };
    }),
    'picker.close': guarded(async () => {
      await (await picker?.catch(() => undefined))?.close();
      picker = undefined;
      return {};
    }),
  };
  return {
    handlers,
    async dispose() {
      await (await picker?.catch(() => undefined))?.close();
    },
  };
}
