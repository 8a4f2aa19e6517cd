import { memo, useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { Block, Link } from '../model/types.js';
import { BLOCK_HEIGHT, BLOCK_WIDTH } from '../model/layout.js';
import { portKind } from './look.js';

/**
 * Links drawn zoomed far out: one SVG path per port kind, straight lines from block to block in
 * flow coordinates (inside the viewport, so panning and zooming move it for free). React Flow
 * then draws only the links of the selected blocks — the ones that move while dragging — instead
 * of a thousand edge components re-checked on every frame.
 */
export const OverviewLinks = memo(function OverviewLinks({ blocks, links, skip }: { blocks: readonly Block[]; links: readonly Link[]; skip: ReadonlySet<string> }) {
  const paths = useMemo(() => {
    const at = new Map(blocks.map((b) => [b.id, b.at]));
    const byKind = new Map<string, string[]>();
    for (const link of links) {
      if (skip.has(link.from) || skip.has(link.to)) continue;
      const from = at.get(link.from);
      const to = at.get(link.to);
      if (!from || !to) continue;
      const kind = portKind(link.port);
      const d = `M${from[0] + BLOCK_WIDTH / 2} ${from[1] + BLOCK_HEIGHT}L${to[0] + BLOCK_WIDTH / 2} ${to[1]}`;
      byKind.set(kind, [...(byKind.get(kind) ?? []), d]);
    }
    return [...byKind].map(([kind, ds]) => ({ kind, d: ds.join('') }));
  }, [blocks, links, skip]);
  return (
    <ViewportPortal>
      <svg className="overview-links" aria-hidden="true">
        {paths.map(({ kind, d }) => (
          <path key={kind} className={`react-flow__edge link-${kind}`} d={d} vectorEffect="non-scaling-stroke" />
        ))}
      </svg>
    </ViewportPortal>
  );
});
