import { readFile, rm } from 'node:fs/promises';
import type { AppStore } from '../store/appStore.js';
import type { DeskSession } from './deskSession.js';
import { describeError } from './deskStatus.js';

export type ScreenshotDeps = {
  store: AppStore;
  /** Takes a PNG of the screen; absent where the app cannot. */
  captureScreen?(): Promise<Buffer>;
};

async function crashScreenshot(deps: ScreenshotDeps, runGuid: string, s: DeskSession | null): Promise<void> {
  try {
    if (!deps.captureScreen) throw new Error('this app cannot take screenshots');
    const png = await deps.captureScreen();
    deps.store.assistant.screenshot(runGuid, png, 'The screen when the run failed');
    s?.writer.write({ kind: 'screenshot', jobGuid: runGuid, pngBase64: png.toString('base64'), note: 'The screen when the run failed', at: Date.now() });
  } catch (error) {
    deps.store.assistant.log(runGuid, 'warn', `No screenshot of the failure: ${describeError(error)}`);
  }
}

/**
 * A web block that failed left a screenshot of its page: it always goes into the run's history,
 * and to the Orchestrator when the user asked for screenshots of failed runs. Without one, that
 * option takes the screen instead.
 */
export async function failureScreenshots(deps: ScreenshotDeps, runGuid: string, s: DeskSession | null, pageFile: string | undefined, send: boolean): Promise<void> {
  const png = pageFile === undefined ? undefined : await readFile(pageFile).catch(() => undefined);
  if (pageFile !== undefined) await rm(pageFile, { force: true });
  if (png === undefined) {
    if (send) await crashScreenshot(deps, runGuid, s);
    return;
  }
  const note = 'The page when the web block failed';
  deps.store.assistant.screenshot(runGuid, png, note);
  if (send) s?.writer.write({ kind: 'screenshot', jobGuid: runGuid, pngBase64: png.toString('base64'), note, at: Date.now() });
}
