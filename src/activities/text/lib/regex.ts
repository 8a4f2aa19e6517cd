import { BlockError } from '../../define.js';
import { BAD_INPUT } from '../../kit/checks.js';

const allowedFlags = /^[dgimsuvy]*$/;

/** Builds a RegExp from user input, turning a bad pattern or flag into a BlockError naming it. */
export function compileRegex(pattern: string, flags: string): RegExp {
  if (!allowedFlags.test(flags)) {
    throw new BlockError(`Regex flags "${flags}" are not valid: use only the letters d g i m s u v y`, BAD_INPUT);
  }
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw new BlockError(`Pattern "${pattern}" is not a valid regular expression: ${(error as Error).message}`, 'BAD_REGEX');
  }
}
