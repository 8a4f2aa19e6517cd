import { useCallback, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import { useDesigner } from '../store/index.js';
import type { Block } from '../model/types.js';
import { BLOCK_HEIGHT, BLOCK_WIDTH } from '../model/layout.js';
import { toneFor } from './look.js';

const WIDTH = 150;
const HEIGHT = 100;
const PAD = 40;

/**
 * The minimap of a large scenario: one <canvas> drawn from the document's block positions and
 * the viewport, instead of one React element per block. React Flow's own minimap re-checks every
 * block on every drag frame; this one redraws only when the document or the view changes, so a
 * 1,000-block scenario keeps its minimap without paying for it while dragging. Click or drag on
 * it to move the view there.
 */
export function OverviewMinimap({ blocks, theme }: { blocks: readonly Block[]; theme: 'light' | 'dark' }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const catalog = useDesigner((s) => s.catalog);
  const transform = useStore((s) => s.transform);
  const size = useStore((s) => ({ width: s.width, height: s.height }), (a, b) => a.width === b.width && a.height === b.height);
  const bounds = useMemo(() => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const b of blocks) {
      x0 = Math.min(x0, b.at[0]);
      y0 = Math.min(y0, b.at[1]);
      x1 = Math.max(x1, b.at[0] + BLOCK_WIDTH);
      y1 = Math.max(y1, b.at[1] + BLOCK_HEIGHT);
    }
    if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [0, 0, 1, 1];
    const w = x1 - x0 + PAD * 2;
    const h = y1 - y0 + PAD * 2;
    const scale = Math.min(WIDTH / w, HEIGHT / h);
    return { x0: x0 - PAD, y0: y0 - PAD, scale, offX: (WIDTH - w * scale) / 2, offY: (HEIGHT - h * scale) / 2 };
  }, [blocks]);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const { x0, y0, scale, offX, offY } = bounds;
    for (const b of blocks) {
      ctx.fillStyle = toneFor(catalog.get(b.type)?.category, theme);
      ctx.fillRect(offX + (b.at[0] - x0) * scale, offY + (b.at[1] - y0) * scale, Math.max(1, BLOCK_WIDTH * scale), Math.max(1, BLOCK_HEIGHT * scale));
    }
    // The part of the flow in view.
    const [tx, ty, zoom] = transform;
    ctx.strokeStyle = theme === 'dark' ? '#e5e7eb' : '#1d2330';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(offX + (-tx / zoom - x0) * scale, offY + (-ty / zoom - y0) * scale, (size.width / zoom) * scale, (size.height / zoom) * scale);
  }, [blocks, bounds, catalog, theme, transform, size]);

  const moveTo = useCallback(
    (event: PointerEvent<HTMLCanvasElement>) => {
      if (event.type === 'pointermove' && event.buttons !== 1) return;
      const rect = event.currentTarget.getBoundingClientRect();
      const { x0, y0, scale, offX, offY } = bounds;
      const x = (event.clientX - rect.left - offX) / scale + x0;
      const y = (event.clientY - rect.top - offY) / scale + y0;
      void flow.setCenter(x, y, { zoom: flow.getZoom(), duration: 0 });
    },
    [bounds, flow],
  );

  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return (
    <div className="react-flow__panel top right overview-minimap">
      <canvas
        ref={ref}
        width={WIDTH * ratio}
        height={HEIGHT * ratio}
        style={{ width: WIDTH, height: HEIGHT }}
        role="img"
        aria-label="Minimap"
        data-testid="rf__minimap"
        onPointerDown={moveTo}
        onPointerMove={moveTo}
      />
    </div>
  );
}
