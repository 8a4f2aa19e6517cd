import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { runToBlock, startRun, toggleBreakpoint } from '../actions/run.js';
import { hotkeyLabel } from '../app/hotkeys.js';

export type BlockMenuAt = { blockId: string; x: number; y: number };

/** A block's context menu: Run to here (while paused), Debug from here, breakpoint. */
export function BlockMenu({ at, onClose }: { at: BlockMenuAt; onClose(): void }) {
  const { t } = useTranslation();
  const paused = useDesigner((s) => s.run.status === 'paused' && s.run.pausedPath === s.active);
  const idle = useDesigner((s) => s.run.status === 'idle' || s.run.status === 'finished');
  useEffect(() => {
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      onClose();
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [onClose]);
  const item = (label: string, act: () => void, disabled = false, key?: string) => (
    <button
      type="button"
      role="menuitem"
      disabled={disabled}
      // pointerdown closes the menu: act on it first, before the window listener removes us.
      onPointerDown={(e) => {
        e.stopPropagation();
        if (disabled) return;
        act();
        onClose();
      }}
    >
      {label}
      {key && <kbd>{key}</kbd>}
    </button>
  );
  return (
    <div className="block-menu" role="menu" aria-label={t('blockMenu.label')} style={{ left: at.x, top: at.y }}>
      {item(t('blockMenu.runTo'), () => runToBlock(at.blockId), !paused)}
      {item(t('blockMenu.debugFrom'), () => void startRun('debug', { startAt: at.blockId }), !idle, hotkeyLabel('debugFromSelected'))}
      {item(t('blockMenu.breakpoint'), () => toggleBreakpoint(at.blockId), false, hotkeyLabel('breakpoint'))}
    </div>
  );
}
