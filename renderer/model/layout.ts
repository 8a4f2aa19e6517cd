import * as dagre from '@dagrejs/dagre';
import type { Scenario } from './types.js';
import { moveBlocks } from './edits.js';

/** Size the canvas draws a block at; auto-layout spaces blocks by it. */
export const BLOCK_WIDTH = 200;
export const BLOCK_HEIGHT = 64;

/**
 * The part of dagre's API used here, typed: @dagrejs/dagre 3.1's declarations import their own
 * files without extensions, which NodeNext resolution cannot follow, so its exports arrive untyped.
 */
type LayoutGraph = {
  setGraph(options: { rankdir: string; nodesep: number; ranksep: number }): void;
  setDefaultEdgeLabel(label: () => object): void;
  setNode(id: string, size: { width: number; height: number }): void;
  setEdge(from: string, to: string, label: object, name: string): void;
  node(id: string): { x: number; y: number };
};
const { Graph, layout } = dagre as unknown as { Graph: new (options: { multigraph: boolean }) => LayoutGraph; layout(graph: LayoutGraph): void };

/** Lays the flow out top to bottom with dagre; positions snap to whole pixels. */
export function autoLayout(doc: Scenario): Scenario {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 50, ranksep: 60 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const b of doc.blocks) g.setNode(b.id, { width: BLOCK_WIDTH, height: BLOCK_HEIGHT });
  for (const l of doc.links) g.setEdge(l.from, l.to, {}, `${l.from}:${l.port}`);
  layout(g);
  const positions = new Map<string, [number, number]>();
  for (const b of doc.blocks) {
    const node = g.node(b.id);
    // dagre gives centres; the canvas positions blocks by their top-left corner.
    positions.set(b.id, [Math.round(node.x - BLOCK_WIDTH / 2), Math.round(node.y - BLOCK_HEIGHT / 2)]);
  }
  return moveBlocks(doc, positions);
}
