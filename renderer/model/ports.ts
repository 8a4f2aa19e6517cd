import { isExpression } from '../../src/scenario/schema.js';
import type { Block, BlockMeta } from './types.js';
import { START_TYPE } from './types.js';

/** The outgoing ports a block shows: its definition's, the dynamic ones, and `error` when handled. */
export function portsOf(block: Block, meta: BlockMeta | undefined): string[] {
  const ports = [...(meta?.ports ?? ['next'])];
  const dyn = meta?.dynamicPorts;
  const value = dyn ? block.params?.[dyn.param] : undefined;
  if (dyn && value !== undefined && !isExpression(value)) {
    const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
    for (const item of items.map((s) => s.trim()).filter(Boolean)) {
      const port = `${dyn.prefix}${item}`;
      if (!ports.includes(port)) ports.push(port);
    }
  }
  if (block.onError === 'handle' && !ports.includes('error')) ports.push('error');
  return ports;
}

/** Every block but the start block can be linked into. */
export function hasInput(blockType: string): boolean {
  return blockType !== START_TYPE;
}
