import type { Edge, Node } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
import { GROUP_TYPE, type Block, type Link } from '../model/types.js';
import { linkKey } from '../model/edits.js';
import { portKind } from './look.js';

export type BlockNodeData = { block: Block };
export type BlockFlowNode = Node<BlockNodeData, 'block'>;

/**
 * Document blocks → React Flow nodes, REUSING the previous node object whenever its block and
 * selection are unchanged. React Flow and the memoized node component compare by identity, so
 * an edit or a selection change re-renders only the nodes it touched, even with 1,000 blocks.
 * The previous node also carries React Flow's measurements, which must survive the sync.
 */
export function syncNodes(
  blocks: readonly Block[],
  selected: ReadonlySet<string>,
  previous: readonly BlockFlowNode[],
): BlockFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  let same = previous.length === blocks.length;
  const nodes = blocks.map((block, i) => {
    const prev = byId.get(block.id);
    const isSelected = selected.has(block.id);
    if (prev && prev.data.block === block && !!prev.selected === isSelected) {
      if (previous[i] !== prev) same = false;
      return prev;
    }
    same = false;
    return {
      ...(prev ?? {}),
      id: block.id,
      type: 'block' as const,
      position: { x: block.at[0], y: block.at[1] },
      data: { block },
      selected: isSelected,
      // A group is a frame behind the blocks it surrounds.
      ...(block.type === GROUP_TYPE ? { zIndex: -1 } : {}),
    };
  });
  return same ? (previous as BlockFlowNode[]) : nodes;
}

export type LinkEdge = Edge<{ link: Link }>;

const arrow = { type: MarkerType.ArrowClosed, width: 18, height: 18 };

/** Document links → React Flow edges, reusing unchanged edge objects like `syncNodes`. Coloured by port kind. */
export function syncEdges(
  links: readonly Link[],
  selected: ReadonlySet<string>,
  previous: readonly LinkEdge[],
): LinkEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  let same = previous.length === links.length;
  const edges = links.map((link, i) => {
    const id = linkKey(link);
    const prev = byId.get(id);
    const isSelected = selected.has(id);
    if (prev && prev.data?.link === link && !!prev.selected === isSelected) {
      if (previous[i] !== prev) same = false;
      return prev;
    }
    same = false;
    return {
      id,
      source: link.from,
      sourceHandle: link.port,
      target: link.to,
      targetHandle: 'in',
      data: { link },
      selected: isSelected,
      markerEnd: arrow,
      // The port's name is on the block, above where the link leaves it; the link takes the
      // port's colour instead of a label in its middle, where labels of crossing links collide.
      className: `link-${portKind(link.port)}`,
      ariaLabel: `${link.from} ${link.port} → ${link.to}`,
    };
  });
  return same ? (previous as LinkEdge[]) : edges;
}
