import { useEffect, useRef } from 'react';
import { useNodesInitialized, type ReactFlowInstance } from '@xyflow/react';
import { useDesigner } from '../store/index.js';
import type { OpenDocument } from '../store/documents.js';
import type { BlockFlowNode, LinkEdge } from './flowModel.js';

/**
 * Problems, search and run errors ask to reveal a block: centre the view on it. A reveal asked
 * for just before this tab opened (a pause in a sub-scenario) applies once the blocks are
 * measured, after the opening fit, so it is not undone by it.
 */
export function useRevealBlock(open: OpenDocument, flow: ReactFlowInstance<BlockFlowNode, LinkEdge>): void {
  const reveal = useDesigner((s) => s.reveal);
  const lastReveal = useRef(reveal && open.doc.blocks.some((b) => b.id === reveal.blockId) ? undefined : reveal?.nonce);
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (!reveal || reveal.nonce === lastReveal.current || !initialized) return;
    lastReveal.current = reveal.nonce;
    const node = flow.getNode(reveal.blockId);
    if (node) void flow.setCenter(node.position.x + 100, node.position.y + 30, { zoom: Math.max(flow.getZoom(), 1), duration: 0 });
  }, [reveal, flow, initialized]);
}
