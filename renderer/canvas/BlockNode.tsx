import { memo, type CSSProperties } from 'react';
import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { isExpression } from '../../src/scenario/schema.js';
import { useDesigner } from '../store/index.js';
import { portsOf, hasInput } from '../model/ports.js';
import { currentLang, localized } from '../i18n/index.js';
import type { Block, BlockMeta } from '../model/types.js';
import type { BlockFlowNode } from './flowModel.js';
import { breakpointOf, failureOf } from '../panels/blockDebugState.js';
import { blockIcon, portKind, toneFor } from './look.js';
import { portLabel } from './portLabel.js';
import { AnnotationNode } from './AnnotationNode.js';

/** Below this zoom blocks are drawn as plain coloured tiles: text can't be read there anyway. */
export const DETAIL_ZOOM = 0.3;

/** The value shown under the title: the param the catalog marks as `key`. */
function keyParamText(block: Block, meta: BlockMeta | undefined): string {
  const entry = Object.entries(meta?.params ?? {}).find(([, spec]) => spec.key);
  if (!entry) return '';
  const value = block.params?.[entry[0]];
  if (value === undefined) return '';
  return summarize(value);
}

/** A one-line summary of a parameter value: expressions as their source, assignments as `a = …`. */
function summarize(value: unknown): string {
  if (isExpression(value)) return value.expr;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'variable' in v)) {
    return (value as { variable?: unknown; value?: unknown }[])
      .map((a) => `${String(a.variable)} = ${summarize(a.value)}`)
      .join('; ');
  }
  return JSON.stringify(value);
}

const detailed = (s: { transform: [number, number, number] }) => s.transform[2] >= DETAIL_ZOOM;

/**
 * One block on the canvas. Memoized and cheap: it subscribes only to its own flags (running,
 * paused, breakpoint, problem) and to whether the zoom is above the detail threshold, so a run
 * highlighting one block re-renders one node, and zooming re-renders blocks only when the
 * level of detail changes.
 */
export const BlockNode = memo(function BlockNode(props: NodeProps<BlockFlowNode>) {
  const annotation = useDesigner((s) => s.catalog.get(props.data.block.type)?.annotation === true);
  return annotation ? <AnnotationNode {...props} /> : <StepNode {...props} />;
});

/** A step of the flow: icon, title, key parameter, ports. */
const StepNode = memo(function StepNode({ id, data, selected }: NodeProps<BlockFlowNode>) {
  const { block } = data;
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const meta = useDesigner((s) => s.catalog.get(block.type));
  const theme = useDesigner((s) => s.theme);
  const detail = useStore(detailed);
  // A block id is unique within its scenario only: match the scenario too (sub-scenarios share ids).
  const running = useDesigner(
    (s) => s.run.activeBlock === id && !!s.active && s.run.activeScenario === s.docs[s.active]?.doc.name,
  );
  const paused = useDesigner((s) => s.run.pausedBlock === id && s.run.pausedPath === s.active);
  const breakpoint = useDesigner((s) => breakpointOf(s, id));
  const failure = useDesigner((s) => failureOf(s, id));
  const problem = useDesigner((s) => (s.active ? s.problemBlocks[s.active]?.[id] : undefined));
  const title = block.title || localized(meta?.title, lang) || block.type;
  const ports = portsOf(block, meta);
  const Icon = blockIcon(block.type, meta?.category);
  const classes = ['block-node', `cat-${meta?.category ?? 'unknown'}`];
  if (ports.length > 1) classes.push('multi-port');
  if (!detail) classes.push('lod');
  if (selected) classes.push('selected');
  if (block.disabled) classes.push('disabled');
  if (running) classes.push('running');
  if (paused) classes.push('paused');
  if (problem) classes.push(`problem-${problem}`);
  if (failure) classes.push('failed');
  const style = { '--cat': toneFor(meta?.category, theme) } as CSSProperties;
  const keyText = detail ? keyParamText(block, meta) : '';
  return (
    <div
      className={classes.join(' ')}
      style={style}
      data-testid={`block-${id}`}
      aria-label={`${title} (${id})`}
      title={localized(meta?.help, lang)}
    >
      {hasInput(block.type) && <Handle type="target" position={Position.Top} id="in" className="port-in" />}
      {/* Zoomed far out the block is a plain coloured tile: no icon, text or markers to draw. */}
      {detail && (
        <div className="block-head">
          <span className="block-icon" aria-hidden="true">
            <Icon size={14} strokeWidth={2.25} />
          </span>
          {breakpoint && <span className={`breakpoint bp-${breakpoint}`} role="img" aria-label={t(`breakpoints.kind.${breakpoint}`)} />}
          <span className="block-title">{title}</span>
          {problem && (
            <span className={`problem-marker ${problem}`} role="img" aria-label={t(`problems.${problem}`)}>
              !
            </span>
          )}
        </div>
      )}
      {keyText && <div className="block-key">{keyText}</div>}
      {detail && block.disabled && <div className="block-flag">{t('canvas.disabled')}</div>}
      {detail && failure && <div className="block-failure" role="note" title={failure} data-testid={`failure-${id}`}>{failure}</div>}
      {detail && block.comment && <div className="block-comment">{block.comment}</div>}
      {ports.map((port, i) => (
        <Handle
          key={port}
          type="source"
          position={Position.Bottom}
          id={port}
          className={`port-out port-${portKind(port)}`}
          style={{ left: `${((i + 1) / (ports.length + 1)) * 100}%` }}
          data-testid={`port-${id}-${port}`}
          aria-label={`${title}: ${portLabel(port, t)}`}
        >
          {detail && ports.length > 1 && <span className="port-label">{portLabel(port, t)}</span>}
        </Handle>
      ))}
    </div>
  );
});
