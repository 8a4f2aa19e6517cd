import type { AnyBlockDefinition } from '../define.js';
import { textTemplate } from './template.js';
import { textRegexExtractAll, textRegexMatch, textRegexReplace } from './regex.js';
import { textJoin, textSplit } from './splitJoin.js';
import { textChangeCase, textPad, textSubstring, textTrim } from './transform.js';

/** The text blocks, in palette order. */
export const textBlocks: AnyBlockDefinition[] = [
  textTemplate,
  textRegexMatch,
  textRegexReplace,
  textRegexExtractAll,
  textSplit,
  textJoin,
  textTrim,
  textChangeCase,
  textPad,
  textSubstring,
];
