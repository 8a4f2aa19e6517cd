import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { openScenario } from '../actions/files.js';

/** The paused run's call stack (core.invoke), innermost first; a frame opens its scenario at its block. */
export const CallStack = memo(function CallStack() {
  const { t } = useTranslation();
  const stack = useDesigner((s) => s.run.stack);
  if (!stack.length) return <p className="muted">{t('callStack.none')}</p>;
  const open = async (path: string | undefined, blockId: string) => {
    if (path) await openScenario(path);
    useDesigner.getState().revealBlock(blockId);
  };
  return (
    <ol className="call-stack" aria-label={t('panels.callStack')}>
      {[...stack].reverse().map((frame, i) => (
        <li key={`${frame.scenario}-${i}`}>
          <button type="button" className="link" onClick={() => void open(frame.path, frame.blockId)} data-testid="stack-frame">
            {frame.scenario} — <code>{frame.blockId}</code>
          </button>
        </li>
      ))}
    </ol>
  );
});
