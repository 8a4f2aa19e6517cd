import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { isExpression } from '../../src/scenario/schema.js';
import { useDesigner } from '../store/index.js';
import { portsOf, hasInput } from '../model/ports.js';
import { currentLang, localized } from '../i18n/index.js';
import type { Block, BlockMeta } from '../model/types.js';
import type { BlockFlowNode } from './flowModel.js';
import { breakpointOf, failureOf } from '../panels/blockDebugState.js';

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
    return (value as { variable?: unknown; value?: unknown }[]).map((a) => `${String(a.variable)} = ${summarize(a.value)}`).join('; ');
  }
  return JSON.stringify(value);
}

/**
 * One block on the canvas. Memoized and cheap: it subscribes only to its own flags (running,
 * paused, breakpoint, problem), so a run highlighting one block re-renders one node.
 */
export const BlockNode = memo(function BlockNode({ id, data, selected }: NodeProps<BlockFlowNode>) {
  const { block } = data;
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const meta = useDesigner((s) => s.catalog.get(block.type));
  // A block id is unique within its scenario only: match the scenario too (sub-scenarios share ids).
  const running = useDesigner((s) => s.run.activeBlock === id && !!s.active && s.run.activeScenario === s.docs[s.active]?.doc.name);
  const paused = useDesigner((s) => s.run.pausedBlock === id && s.run.pausedPath === s.active);
  const breakpoint = useDesigner((s) => breakpointOf(s, id));
  const failure = useDesigner((s) => failureOf(s, id));
  const problem = useDesigner((s) => (s.active ? s.problemBlocks[s.active]?.[id] : undefined));
  const title = block.title || localized(meta?.title, lang) || block.type;
  const keyText = keyParamText(block, meta);
  const ports = portsOf(block, meta);
  const classes = ['block-node', `cat-${meta?.category ?? 'unknown'}`];
  if (selected) classes.push('selected');
  if (block.disabled) classes.push('disabled');
  if (running) classes.push('running');
  if (paused) classes.push('paused');
  if (problem) classes.push(`problem-${problem}`);
  if (failure) classes.push('failed');
  return (
    <div className={classes.join(' ')} data-testid={`block-${id}`} aria-label={`${title} (${id})`} title={localized(meta?.help, lang)}>
      {hasInput(block.type) && <Handle type="target" position={Position.Top} id="in" className="port-in" />}
      <div className="block-head">
        {breakpoint && <span className={`breakpoint bp-${breakpoint}`} role="img" aria-label={t(`breakpoints.kind.${breakpoint}`)} />}
        <span className="block-title">{title}</span>
        {problem && (
          <span className={`problem-marker ${problem}`} role="img" aria-label={t(`problems.${problem}`)}>
            !
          </span>
        )}
      </div>
      {keyText && <div className="block-key">{keyText}</div>}
      {block.disabled && <div className="block-flag">{t('canvas.disabled')}</div>}
      {failure && <div className="block-failure" role="note" title={failure} data-testid={`failure-${id}`}>{failure}</div>}
      {block.comment && <div className="block-comment">{block.comment}</div>}
      <div className="block-ports">
        {ports.map((port, i) => (
          <Handle
            key={port}
            type="source"
            position={Position.Bottom}
            id={port}
            className={`port-out port-${port.replace(/[^\w-]/g, '_')}`}
            style={{ left: `${((i + 1) / (ports.length + 1)) * 100}%` }}
            data-testid={`port-${id}-${port}`}
            aria-label={`${title}: ${port}`}
          >
            {ports.length > 1 && <span className="port-label">{port}</span>}
          </Handle>
        ))}
      </div>
    </div>
  );
});
