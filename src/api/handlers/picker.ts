import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import { PickerError } from '../../picker/picker.js';
import { createPickerBrowsers, type PickerBrowsersOptions } from './pickerBrowsers.js';

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

export type PickerHandlerOptions = PickerBrowsersOptions;

/** How long Highlight's outline stays on a paused run's page before the picker lets go of it. */
const ATTACHED_HIGHLIGHT_MS = 4000;

const guarded = <A, R>(fn: (args: A) => Promise<R>) => async (args: A): Promise<R> => {
  try {
    return await fn(args);
  } catch (error) {
    throw toApiError(error);
  }
};

/**
 * One picker browser per service, opened on first use and kept between picks (the person may
 * have logged in to the site in it); closed with the service. When the Designer's debug run is
 * paused with a browser open, Pick and Highlight attach to that browser instead (the newest one,
 * the one the next block acts on) and let go after each use: the run's browser is never closed.
 */
export function createPickerHandlers(options: PickerHandlerOptions = {}): { handlers: PickerHandlers; dispose(): Promise<void> } {
  const browsers = createPickerBrowsers(options);
  const handlers: PickerHandlers = {
    'picker.pick': guarded(async ({ url, runId }) => {
      const inRun = await browsers.attachToRun(runId);
      if (!inRun) return (await browsers.open(url)).pick();
      try {
        return await inRun.pick();
      } finally {
        if (browsers.attached() === inRun) await browsers.release();
      }
    }),
    'picker.cancel': guarded(async () => {
      browsers.attached()?.cancelPick();
      (await browsers.own())?.cancelPick();
      return {};
    }),
    'picker.highlight': guarded(async ({ url, runId, selector, by }) => {
      const inRun = await browsers.attachToRun(runId);
      if (!inRun) return { count: await (await browsers.open(url)).highlight(selector, by) };
      const count = await inRun.highlight(selector, by);
      // The outline shows for a while, then the picker leaves the run's page.
      setTimeout(() => void (browsers.attached() === inRun ? browsers.release() : undefined), count > 0 ? ATTACHED_HIGHLIGHT_MS : 0).unref();
      return { count };
    }),
    'picker.recordStart': guarded(async ({ url }) => {
      await (await browsers.open(url)).startRecording();
      return {};
    }),
    'picker.recordStop': guarded(async () => {
      const current = await browsers.own();
      return { steps: current ? await current.stopRecording() : [] };
    }),
    'picker.close': guarded(async () => {
      await browsers.closeOwn();
      return {};
    }),
  };
  return {
    handlers,
    async dispose() {
      await browsers.release();
      await (await browsers.own())?.close();
    },
  };
}
