import { memo, useCallback } from 'react';
import { Handle, NodeResizer, Position, type NodeProps, type OnResizeEnd } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { StickyNote, Group } from 'lucide-react';
import { useDesigner } from '../store/index.js';
import { updateBlock } from '../model/edits.js';
import { GROUP_TYPE } from '../model/types.js';
import type { BlockFlowNode } from './flowModel.js';

const DEFAULT_SIZE = { width: 480, height: 320 };

function sizeOf(params: Record<string, unknown> | undefined): { width: number; height: number } {
  const n = (v: unknown, fallback: number) => (typeof v === 'number' && v > 40 ? v : fallback);
  return { width: n(params?.width, DEFAULT_SIZE.width), height: n(params?.height, DEFAULT_SIZE.height) };
}

/**
 * A canvas annotation: a Comment (a note) or a Group (a titled frame behind the blocks, resized
 * from its corners). Neither is a step of the flow, so neither has ports — except a comment an
 * older file linked into the flow, which keeps its links visible (it passes through on a run).
 */
export const AnnotationNode = memo(function AnnotationNode({ id, data, selected }: NodeProps<BlockFlowNode>) {
  const { block } = data;
  const { t } = useTranslation();
  const linked = useDesigner((s) => {
    const doc = s.active ? s.docs[s.active]?.doc : undefined;
    return !!doc?.links.some((l) => l.from === id || l.to === id);
  });
  const onResizeEnd: OnResizeEnd = useCallback(
    (_event, box) =>
      useDesigner.getState().edit((doc) =>
        updateBlock(doc, id, (b) => ({
          ...b,
          at: [Math.round(box.x), Math.round(box.y)],
          params: { ...(b.params ?? {}), width: Math.round(box.width), height: Math.round(box.height) },
        })),
      ),
    [id],
  );
  if (block.type === GROUP_TYPE) {
    const size = sizeOf(block.params);
    const title = block.title || t('annotations.group');
    return (
      <div className={`group-node${selected ? ' selected' : ''}`} style={size} data-testid={`block-${id}`} aria-label={`${title} (${id})`}>
        <NodeResizer isVisible={selected} minWidth={160} minHeight={100} onResizeEnd={onResizeEnd} />
        <div className="group-title">
          <Group size={14} aria-hidden="true" /> {title}
        </div>
      </div>
    );
  }
  const text = typeof block.params?.text === 'string' ? block.params.text : '';
  return (
    <div className={`note-node${selected ? ' selected' : ''}`} data-testid={`block-${id}`} aria-label={`${block.title || t('canvas.comment')} (${id})`}>
      {linked && <Handle type="target" position={Position.Top} id="in" className="port-in" />}
      <div className="note-head">
        <StickyNote size={13} aria-hidden="true" /> {block.title || t('canvas.comment')}
      </div>
      <div className="note-text">{text || <span className="muted">…</span>}</div>
      {linked && <Handle type="source" position={Position.Bottom} id="next" className="port-out port-next" data-testid={`port-${id}-next`} />}
    </div>
  );
});
