import type { Catalog, Link, Scenario } from './types.js';
import { START_TYPE } from './types.js';
import { portsOf } from './ports.js';

export type ConnectRefusal = 'self' | 'intoStart' | 'portTaken' | 'noSuchPort' | 'missingBlock' | 'annotation';

/**
 * Why a link may not be drawn, or null when it may. The rules mirror what the engine accepts:
 * one link per output port (a port leads to exactly one next block), nothing flows into the start
 * block, and a block never links to itself.
 */
export function connectRefusal(doc: Scenario, catalog: Catalog, link: Link): ConnectRefusal | null {
  if (link.from === link.to) return 'self';
  const from = doc.blocks.find((b) => b.id === link.from);
  const to = doc.blocks.find((b) => b.id === link.to);
  if (!from || !to) return 'missingBlock';
  if (to.type === START_TYPE) return 'intoStart';
  // Comments and groups are notes on the canvas, not steps: nothing links into them.
  if (catalog.get(to.type)?.annotation) return 'annotation';
  if (!portsOf(from, catalog.get(from.type)).includes(link.port)) return 'noSuchPort';
  if (doc.links.some((l) => l.from === link.from && l.port === link.port)) return 'portTaken';
  return null;
}
