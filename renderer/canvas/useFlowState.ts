import { useCallback, useEffect, useMemo, useState } from 'react';
import { applyEdgeChanges, applyNodeChanges, useStore, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useDesigner } from '../store/index.js';
import type { OpenDocument } from '../store/documents.js';
import { syncEdges, syncNodes, type BlockFlowNode, type LinkEdge } from './flowModel.js';
import { DETAIL_ZOOM } from './BlockNode.js';

/**
 * A large scenario opens at a readable zoom around its start instead of fitting everything at
 * a zoom where nothing can be read, and only blocks in view are rendered: the canvas then costs
 * the same whatever the scenario's size. The minimap stays at every size.
 */
export const LARGE_SCENARIO = 150;
const OPENING_ZOOM = 0.8;
const fitViewOptions = { maxZoom: 1, padding: 0.15 };

/** A large scenario opens with its start block near the top left, at a readable zoom. */
function openingViewport(doc: OpenDocument['doc']): { x: number; y: number; zoom: number } {
  const start = doc.blocks.find((b) => b.type === 'core.start') ?? doc.blocks[0];
  const [x, y] = start?.at ?? [0, 0];
  return { x: 60 - x * OPENING_ZOOM, y: 40 - y * OPENING_ZOOM, zoom: OPENING_ZOOM };
}

function syncSelection(changes: (NodeChange | EdgeChange)[], kind: 'blocks' | 'links'): void {
  if (!changes.some((c) => c.type === 'select')) return;
  const { selection, select } = useDesigner.getState();
  const ids = new Set(selection[kind]);
  for (const c of changes) {
    if (c.type !== 'select') continue;
    if (c.selected) ids.add(c.id);
    else ids.delete(c.id);
  }
  select({ ...selection, [kind]: [...ids] });
}

/**
 * React Flow's nodes and edges for the document: kept locally (positions move there while
 * dragging), re-synced when the document or the selection changes, with the selection read back
 * from the change lists. Also how the view opens and whether it is zoomed out to the overview.
 */
export function useFlowState(open: OpenDocument) {
  const selection = useDesigner((s) => s.selection);
  const selectedBlocks = useMemo(() => new Set(selection.blocks), [selection.blocks]);
  const selectedLinks = useMemo(() => new Set(selection.links), [selection.links]);
  const [nodes, setNodes] = useState<BlockFlowNode[]>(() => syncNodes(open.doc.blocks, selectedBlocks, []));
  const [edges, setEdges] = useState<LinkEdge[]>(() => syncEdges(open.doc.links, selectedLinks, []));
  const large = nodes.length > LARGE_SCENARIO;
  // Zoomed far out: links lose their arrowheads too (see .canvas.overview in app.css).
  const overview = useStore((s) => s.transform[2] < DETAIL_ZOOM);
  // A large scenario zoomed far out: links are one static drawing, except the selected blocks'.
  const overviewLinks = overview && large;
  const shownEdges = useMemo(
    () => (overviewLinks ? edges.filter((e) => selectedBlocks.has(e.source) || selectedBlocks.has(e.target)) : edges),
    [overviewLinks, edges, selectedBlocks],
  );
  const [opening] = useState(() => (large ? { defaultViewport: openingViewport(open.doc) } : { fitView: true, fitViewOptions }));

  useEffect(() => setNodes((prev) => syncNodes(open.doc.blocks, selectedBlocks, prev)), [open.doc.blocks, selectedBlocks]);
  useEffect(() => setEdges((prev) => syncEdges(open.doc.links, selectedLinks, prev)), [open.doc.links, selectedLinks]);

  // Selection is read from the change lists rather than `onSelectionChange`, whose listener
  // filters every node on every store update — measurable while dragging among 1,000 blocks.
  const onNodesChange = useCallback((changes: NodeChange<BlockFlowNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes, ns));
    syncSelection(changes, 'blocks');
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<LinkEdge>[]) => {
    setEdges((es) => applyEdgeChanges(changes, es));
    syncSelection(changes, 'links');
  }, []);

  return { nodes, shownEdges, onNodesChange, onEdgesChange, selectedBlocks, large, overview, overviewLinks, opening };
}
