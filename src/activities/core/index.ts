import type { AnyBlockDefinition } from '../define.js';
import { assign } from './assign.js';
import { ifBlock, switchBlock } from './branch.js';
import { delay } from './delay.js';
import { comment, end, group, start } from './flow.js';
import { invoke } from './invoke.js';
import { log, throwBlock } from './log.js';
import { forEach, repeat, whileBlock } from './loops.js';
import { script } from './script.js';

/** The core blocks, in palette order. */
export const coreBlocks: AnyBlockDefinition[] = [
  start,
  end,
  assign,
  ifBlock,
  switchBlock,
  whileBlock,
  forEach,
  repeat,
  delay,
  log,
  throwBlock,
  script,
  invoke,
  comment,
  group,
];
