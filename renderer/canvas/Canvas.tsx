import { useCallback } from 'react';
import { ReactFlow, Background, Controls, MiniMap, useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import type { OpenDocument } from '../store/documents.js';
import { BlockNode } from './BlockNode.js';
import { BlockMenu } from './BlockMenu.js';
import type { BlockFlowNode, LinkEdge } from './flowModel.js';
import { toneFor } from './look.js';
import { OverviewMinimap } from './OverviewMinimap.js';
import { OverviewLinks } from './OverviewLinks.js';
import { useFlowState } from './useFlowState.js';
import { useRevealBlock } from './useRevealBlock.js';
import { isValidConnection, onConnect, onNodeDragStop, useBlockMenu, usePaletteDrop } from './canvasHandlers.js';

const nodeTypes = { block: BlockNode };
const multiSelectionKeys = ['Shift', 'Control', 'Meta'];
const proOptions = { hideAttribution: true };
const minimapStyle = { width: 150, height: 100 };

/** The minimap: each block in its category's colour (the flow's shape at a glance); a drawn overview for large scenarios. */
function CanvasMinimap({ large, open, theme }: { large: boolean; open: OpenDocument; theme: 'light' | 'dark' }) {
  const minimapColor = useCallback((node: BlockFlowNode) => toneFor(useDesigner.getState().catalog.get(node.data.block.type)?.category, theme), [theme]);
  if (large) return <OverviewMinimap blocks={open.doc.blocks} theme={theme} />;
  return <MiniMap<BlockFlowNode> position="top-right" pannable zoomable ariaLabel="Minimap" nodeColor={minimapColor} nodeBorderRadius={3} style={minimapStyle} />;
}

/** The editable flow of one open scenario. Positions live locally while dragging and are committed on drop. */
export function Canvas({ open }: { open: OpenDocument }) {
  const { t } = useTranslation();
  const flow = useReactFlow<BlockFlowNode, LinkEdge>();
  const theme = useDesigner((s) => s.theme);
  const { nodes, shownEdges, onNodesChange, onEdgesChange, selectedBlocks, large, overview, overviewLinks, opening } = useFlowState(open);
  const { onDragOver, onDrop } = usePaletteDrop(flow);
  const { menu, closeMenu, onNodeContextMenu } = useBlockMenu();
  useRevealBlock(open, flow);

  return (
    <div className={overview ? 'canvas overview' : 'canvas'} onDragOver={onDragOver} onDrop={onDrop} aria-label={t('canvas.label')} data-testid="canvas">
      <ReactFlow<BlockFlowNode, LinkEdge>
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeContextMenu={onNodeContextMenu}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        multiSelectionKeyCode={multiSelectionKeys}
        selectionKeyCode="Shift"
        {...opening}
        onlyRenderVisibleElements={large}
        minZoom={0.1}
        proOptions={proOptions}
        colorMode={theme}
      >
        <Background />
        {overviewLinks && <OverviewLinks blocks={open.doc.blocks} links={open.doc.links} skip={selectedBlocks} />}
        <Controls showInteractive={false} />
        <CanvasMinimap large={large} open={open} theme={theme} />
      </ReactFlow>
      {menu && <BlockMenu at={menu} onClose={closeMenu} />}
    </div>
  );
}
