import { useCallback, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { Connection, Edge, Node, ReactFlowInstance } from '@xyflow/react';
import { useDesigner } from '../store/index.js';
import { addLink } from '../model/edits.js';
import { connectRefusal } from '../model/connect.js';
import { addBlockAt, commitMove } from '../actions/editing.js';
import type { BlockMenuAt } from './BlockMenu.js';
import type { BlockFlowNode, LinkEdge } from './flowModel.js';

export const PALETTE_MIME = 'application/x-cairn-block';

// The canvas's edits read the store when they happen, so they need no React state: module-level
// functions, the same object on every render (React Flow re-renders less).

function toLink(c: Connection | Edge) {
  return { from: c.source ?? '', port: c.sourceHandle ?? 'next', to: c.target ?? '' };
}

/** A drop commits the new positions of every dragged block in one edit. */
export function onNodeDragStop(_: unknown, _node: Node, dragged: Node[]): void {
  commitMove(new Map(dragged.map((n) => [n.id, [n.position.x, n.position.y] as [number, number]])));
}

/** A link may be drawn only where the scenario's rules allow it (port free, no self-link …). */
export function isValidConnection(c: Connection | Edge): boolean {
  const { docs, active, catalog } = useDesigner.getState();
  const doc = active ? docs[active]?.doc : undefined;
  return !!doc && connectRefusal(doc, catalog, toLink(c)) === null;
}

export function onConnect(c: Connection): void {
  const { edit, catalog } = useDesigner.getState();
  edit((doc) => (connectRefusal(doc, catalog, toLink(c)) === null ? addLink(doc, toLink(c)) : doc));
}

/** Dropping a block from the palette adds it where it was dropped. */
export function usePaletteDrop(flow: ReactFlowInstance<BlockFlowNode, LinkEdge>) {
  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addBlockAt(type, [at.x - 100, at.y - 20]);
    },
    [flow],
  );
  return { onDragOver, onDrop };
}

/** A block's context menu: where it was opened, and closing it. */
export function useBlockMenu() {
  const [menu, setMenu] = useState<BlockMenuAt | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: Node) => {
    event.preventDefault();
    setMenu({ blockId: node.id, x: event.clientX, y: event.clientY });
  }, []);
  return { menu, closeMenu, onNodeContextMenu };
}
