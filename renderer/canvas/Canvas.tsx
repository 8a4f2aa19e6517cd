import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import {
  ReactFlow,
  Background,
  Controls,
  MiniMap,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  useNodesInitialized,
  useStore,
  type Connection,
  type EdgeChange,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import type { OpenDocument } from '../store/documents.js';
import { addLink } from '../model/edits.js';
import { connectRefusal } from '../model/connect.js';
import { addBlockAt, commitMove } from '../actions/editing.js';
import { BlockNode } from './BlockNode.js';
import { BlockMenu, type BlockMenuAt } from './BlockMenu.js';
import { syncEdges, syncNodes, type BlockFlowNode, type LinkEdge } from './flowModel.js';
import { toneFor } from './look.js';
import { OverviewMinimap } from './OverviewMinimap.js';
import { OverviewLinks } from './OverviewLinks.js';
import { DETAIL_ZOOM } from './BlockNode.js';

export const PALETTE_MIME = 'application/x-cairn-block';

const nodeTypes = { block: BlockNode };
const fitViewOptions = { maxZoom: 1, padding: 0.15 };
/**
 * A large scenario opens at a readable zoom around its start instead of fitting everything at
 * a zoom where nothing can be read, and only blocks in view are rendered: the canvas then costs
 * the same whatever the scenario's size. The minimap stays at every size.
 */
const LARGE_SCENARIO = 150;
const OPENING_ZOOM = 0.8;

function toLink(c: Connection | Edge) {
  return { from: c.source ?? '', port: c.sourceHandle ?? 'next', to: c.target ?? '' };
}

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

/** The editable flow of one open scenario. Positions live locally while dragging and are committed on drop. */
export function Canvas({ open }: { open: OpenDocument }) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const selection = useDesigner((s) => s.selection);
  const reveal = useDesigner((s) => s.reveal);
  const theme = useDesigner((s) => s.theme);
  // The minimap draws each block in its category's colour: the flow's shape at a glance.
  const minimapColor = useCallback(
    (node: BlockFlowNode) =>
      toneFor(useDesigner.getState().catalog.get(node.data.block.type)?.category, theme),
    [theme],
  );
  const selectedBlocks = useMemo(() => new Set(selection.blocks), [selection.blocks]);
  const selectedLinks = useMemo(() => new Set(selection.links), [selection.links]);
  const [nodes, setNodes] = useState<BlockFlowNode[]>(() => syncNodes(open.doc.blocks, selectedBlocks, []));
  const [edges, setEdges] = useState<LinkEdge[]>(() => syncEdges(open.doc.links, selectedLinks, []));
  const large = nodes.length > LARGE_SCENARIO;
  // Zoomed far out: links lose their arrowheads too (see .canvas.overview in app.css).
  const overview = useStore((s) => s.transform[2] < DETAIL_ZOOM);
  // A large scenario zoomed far out: links are one static drawing, except the selected blocks'.
  const overviewLinks = overview && large;
  const liveEdges = useMemo(
    () => (overviewLinks ? edges.filter((e) => selectedBlocks.has(e.source) || selectedBlocks.has(e.target)) : edges),
    [overviewLinks, edges, selectedBlocks],
  );
  const [opening] = useState(() =>
    large ? { defaultViewport: openingViewport(open.doc) } : { fitView: true, fitViewOptions },
  );

  useEffect(
    () => setNodes((prev) => syncNodes(open.doc.blocks, selectedBlocks, prev)),
    [open.doc.blocks, selectedBlocks],
  );
  useEffect(
    () => setEdges((prev) => syncEdges(open.doc.links, selectedLinks, prev)),
    [open.doc.links, selectedLinks],
  );

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

  const onNodeDragStop = useCallback((_: unknown, _node: Node, dragged: Node[]) => {
    commitMove(new Map(dragged.map((n) => [n.id, [n.position.x, n.position.y] as [number, number]])));
  }, []);

  const isValidConnection = useCallback((c: Connection | Edge) => {
    const { docs, active, catalog } = useDesigner.getState();
    const doc = active ? docs[active]?.doc : undefined;
    return !!doc && connectRefusal(doc, catalog, toLink(c)) === null;
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const { edit, catalog } = useDesigner.getState();
    edit((doc) => (connectRefusal(doc, catalog, toLink(c)) === null ? addLink(doc, toLink(c)) : doc));
  }, []);

  const [menu, setMenu] = useState<BlockMenuAt | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: Node) => {
    event.preventDefault();
    setMenu({ blockId: node.id, x: event.clientX, y: event.clientY });
  }, []);

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

  // Problems, search and run errors ask to reveal a block: centre the view on it.
  // A reveal asked for just before this tab opened (a pause in a sub-scenario) applies once the
  // blocks are measured, after the opening fit, so it is not undone by it.
  const lastReveal = useRef(
    reveal && open.doc.blocks.some((b) => b.id === reveal.blockId) ? undefined : reveal?.nonce,
  );
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (!reveal || reveal.nonce === lastReveal.current || !initialized) return;
    lastReveal.current = reveal.nonce;
    const node = flow.getNode(reveal.blockId);
    if (node)
      void flow.setCenter(node.position.x + 100, node.position.y + 30, {
        zoom: Math.max(flow.getZoom(), 1),
        duration: 0,
      });
  }, [reveal, flow, initialized]);

  return (
    <div
      className={overview ? 'canvas overview' : 'canvas'}
      onDragOver={onDragOver}
      onDrop={onDrop}
      aria-label={t('canvas.label')}
      data-testid="canvas"
    >
      <ReactFlow<BlockFlowNode, LinkEdge>
        nodes={nodes}
        edges={overviewLinks ? liveEdges : edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeContextMenu={onNodeContextMenu}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Control', 'Meta']}
        selectionKeyCode="Shift"
        {...opening}
        onlyRenderVisibleElements={large}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
        colorMode={theme}
      >
        <Background />
        {overviewLinks && <OverviewLinks blocks={open.doc.blocks} links={open.doc.links} skip={selectedBlocks} />}
        <Controls showInteractive={false} />
        {large ? (
          <OverviewMinimap blocks={open.doc.blocks} theme={theme} />
        ) : (
          <MiniMap<BlockFlowNode>
            position="top-right"
            pannable
            zoomable
            ariaLabel="Minimap"
            nodeColor={minimapColor}
            nodeBorderRadius={3}
            style={{ width: 150, height: 100 }}
          />
        )}
      </ReactFlow>
      {menu && <BlockMenu at={menu} onClose={closeMenu} />}
    </div>
  );
}
