import { BlockError, type BlockContext } from '../../define.js';
import type { DialogField, HostMethods } from '../../hostMethods.js';

/**
 * Dialogs are shown by the process that started the run (the Designer, the terminal of
 * `cairn run`, the attended robot). The shapes are the `dialog.*` rows of the shared host method table.
 */
export type { DialogField } from '../../hostMethods.js';
export type DialogFieldType = DialogField['type'];
type DialogMethods = Pick<HostMethods, Extract<keyof HostMethods, `dialog.${string}`>>;

export const UNATTENDED_MESSAGE = 'dialogs need an attended run; this run has no user interface';

/** Errors of a run without a dialog service, or of a terminal that cannot ask anything. */
const UNATTENDED = /is not available in this|not an interactive terminal/i;

/** Asks the starting process to show a dialog; a run without a user interface fails at once. */
export async function showDialog<M extends keyof DialogMethods>(
  ctx: BlockContext,
  method: M,
  params: DialogMethods[M]['params'],
): Promise<DialogMethods[M]['result']> {
  try {
    return await ctx.host.request<DialogMethods[M]['result']>(method, params);
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    const cause = error instanceof Error ? error.message : String(error);
    if (UNATTENDED.test(cause)) {
      // The engine's own "service not available" adds nothing; a UI's reason (no TTY) does.
      const reason = /is not available in this/i.test(cause) ? '' : ` (${cause})`;
      throw new BlockError(`${UNATTENDED_MESSAGE}${reason}`, 'UNATTENDED');
    }
    throw new BlockError(`The dialog "${params.title}" failed: ${cause}`, 'DIALOG_FAILED');
  }
}

export function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new BlockError(`Parameter "${name}" is empty`, 'BAD_INPUT');
  return value;
}

export const titleParam = { en: 'Window title', ru: 'Заголовок окна' };
