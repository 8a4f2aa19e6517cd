import { BlockError, type BlockContext } from '../../define.js';
import { hostErrorPayload, type DialogField, type HostMethods } from '../../hostMethods.js';

/**
 * Dialogs are shown by the process that started the run (the Designer, the terminal of
 * `cairn run`, the attended robot). The shapes are the `dialog.*` rows of the shared host method table.
 */
export type { DialogField } from '../../hostMethods.js';
export type DialogFieldType = DialogField['type'];
type DialogMethods = Pick<HostMethods, Extract<keyof HostMethods, `dialog.${string}`>>;

export const UNATTENDED_MESSAGE = 'dialogs need an attended run; this run has no user interface';

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
    const { message, code } = hostErrorPayload(error);
    // The engine's own "service not available" adds nothing; a UI's reason (no TTY) does.
    if (code === 'NOT_AVAILABLE') throw new BlockError(UNATTENDED_MESSAGE, 'UNATTENDED');
    if (code === 'UNATTENDED') throw new BlockError(`${UNATTENDED_MESSAGE} (${message})`, 'UNATTENDED');
    throw new BlockError(`The dialog "${params.title}" failed: ${message}`, 'DIALOG_FAILED');
  }
}

export function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new BlockError(`Parameter "${name}" is empty`, 'BAD_INPUT');
  return value;
}

export const titleParam = { en: 'Window title', ru: 'Заголовок окна' };
