import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockError, type AnyBlockDefinition, type BlockContext } from '../../define.js';
import { getSession } from './session.js';

/** Where failure screenshots wait until the app that started the run has taken them (and removed them). */
export function failureScreenshotDir(): string {
  return process.env.CAIRN_FAILURE_SCREENSHOT_DIR ?? join(tmpdir(), 'cairn-failure-screenshots');
}
const SCREENSHOT_TIMEOUT_MS = 5_000;

/**
 * The page as the user's process saw it when a web block failed: taken here, while the browser is
 * still open (the run's resources close it right after the failure), and carried on the error as
 * a file path, so the Assistant can show it in the run's history and send it to the Orchestrator.
 * A stop or abort is not a failure: nothing is taken then. The file name is random — never a
 * value of the run, so no secret can end up in it.
 */
async function pageScreenshot(ctx: BlockContext, browser: unknown): Promise<string | undefined> {
  try {
    const session = getSession(browser);
    const dir = failureScreenshotDir();
    const file = join(dir, `${randomUUID()}.png`);
    await mkdir(dir, { recursive: true });
    await session.page.screenshot({ path: file, timeout: SCREENSHOT_TIMEOUT_MS });
    return file;
  } catch (error) {
    ctx.log('debug', `No screenshot of the page: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
}

/** The same block, whose failures carry a screenshot of the page (when a browser is open). */
export function withFailureScreenshot(def: AnyBlockDefinition): AnyBlockDefinition {
  return {
    ...def,
    async run(ctx, params) {
      try {
        return await def.run(ctx, params);
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        const screenshot = await pageScreenshot(ctx, (params as { browser?: unknown }).browser);
        if (screenshot === undefined) throw error;
        const message = error instanceof Error ? error.message : String(error);
        const code = error instanceof BlockError ? error.code : undefined;
        throw new BlockError(message, code, { screenshot, cause: error });
      }
    },
  };
}
