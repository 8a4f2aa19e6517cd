import type { Handlers } from '../context.js';
import { ApiError } from '../errors.js';
import { PickerBrowser, PickerError, type PickerOptions, type RunBrowserTarget } from '../../picker/picker.js';

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

export type PickerHandlerOptions = PickerOptions & {
  /** The open browsers of a paused debug run, oldest first (empty when not paused): runs.browsersOf. */
  pausedRunBrowsers?: (runId: string) => Promise<RunBrowserTarget[]>;
};

/** How long Highlight's outline stays on a paused run's page before the picker lets go of it. */
const ATTACHED_HIGHLIGHT_MS = 4000;

/**
 * One picker browser per service, opened on first use and kept between picks (the person may
 * have logged in to the site in it); closed with the service. When the Designer's debug run is
 * paused with a browser open, Pick and Highlight attach to that browser instead (the newest one,
 * the one the next block acts on) and let go after each use: the run's browser is never closed.
 */
export function createPickerHandlers(options: PickerHandlerOptions = {}): { handlers: PickerHandlers; dispose(): Promise<void> } {
  let picker: Promise<PickerBrowser> | undefined;
  /** The picker inside a paused run's browser, while a pick or a highlight is on. */
  let attached: PickerBrowser | undefined;

  async function release(): Promise<void> {
    const current = attached;
    attached = undefined;
    await current?.close();
  }

  /** The paused run's browser when there is one, else undefined (the picker's own browser is used). */
  async function attachToRun(runId: string | undefined): Promise<PickerBrowser | undefined> {
    if (!runId || !options.pausedRunBrowsers) return undefined;
    const target = (await options.pausedRunBrowsers(runId)).at(-1);
    if (!target) return undefined;
    await release();
    attached = await PickerBrowser.attach(target, options);
    return attached;
  }

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
    'picker.pick': guarded(async ({ url, runId }) => {
      const inRun = await attachToRun(runId);
      if (!inRun) return (await open(url)).pick();
      try {
        return await inRun.pick();
      } finally {
        if (attached === inRun) await release();
      }
    }),
    'picker.cancel': guarded(async () => {
      attached?.cancelPick();
      (await picker?.catch(() => undefined))?.cancelPick();
      return {};
    }),
    'picker.highlight': guarded(async ({ url, runId, selector, by }) => {
      const inRun = await attachToRun(runId);
      if (!inRun) return { count: await (await open(url)).highlight(selector, by) };
      const count = await inRun.highlight(selector, by);
      // The outline shows for a while, then the picker leaves the run's page.
      setTimeout(() => void (attached === inRun ? release() : undefined), count > 0 ? ATTACHED_HIGHLIGHT_MS : 0).unref();
      return { count };
    }),
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
      await release();
      await (await picker?.catch(() => undefined))?.close();
    },
  };
}
