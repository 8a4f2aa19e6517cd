import { PickerBrowser, type PickerOptions, type RunBrowserTarget } from '../../picker/picker.js';

export type PickerBrowsersOptions = PickerOptions & {
  /** The open browsers of a paused debug run, oldest first (empty when not paused): runs.browsersOf. */
  pausedRunBrowsers?: (runId: string) => Promise<RunBrowserTarget[]>;
};

/**
 * The browsers the picker works in: its own (opened on first use, kept between picks) and, for
 * one pick or highlight at a time, the paused run's browser it attached to.
 */
export type PickerBrowsers = {
  /** The picker's own browser showing `url` (the page it shows when none), opened again if it was closed. */
  open(url: string | undefined): Promise<PickerBrowser>;
  /** The picker's own browser if it opened, without opening one. */
  own(): Promise<PickerBrowser | undefined>;
  /** Closes the picker's own browser; the next `open` starts a new one. */
  closeOwn(): Promise<void>;
  /** The paused run's browser when there is one (the newest: the one the next block acts on), else undefined. */
  attachToRun(runId: string | undefined): Promise<PickerBrowser | undefined>;
  /** The attached picker, while a pick or a highlight is on. */
  attached(): PickerBrowser | undefined;
  /** Lets go of the run's browser (it is never closed: the run goes on with it). */
  release(): Promise<void>;
};

export function createPickerBrowsers(options: PickerBrowsersOptions): PickerBrowsers {
  let picker: Promise<PickerBrowser> | undefined;
  let attached: PickerBrowser | undefined;

  async function release(): Promise<void> {
    const current = attached;
    attached = undefined;
    await current?.close();
  }

  return {
    async open(url) {
      let current = picker ? await picker.catch(() => undefined) : undefined;
      if (!current?.isOpen) {
        picker = PickerBrowser.open(options);
        current = await picker;
      }
      await current.show(url?.trim() || undefined);
      return current;
    },
    own: async () => picker?.catch(() => undefined),
    async closeOwn() {
      await (await picker?.catch(() => undefined))?.close();
      picker = undefined;
    },
    async attachToRun(runId) {
      if (!runId || !options.pausedRunBrowsers) return undefined;
      const target = (await options.pausedRunBrowsers(runId)).at(-1);
      if (!target) return undefined;
      await release();
      attached = await PickerBrowser.attach(target, options);
      return attached;
    },
    attached: () => attached,
    release,
  };
}
