import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import type { BottomTab } from '../store/ui.js';
import { Output } from '../panels/Output.js';
import { Variables } from '../panels/Variables.js';
import { Problems } from '../panels/Problems.js';
import { CallStack } from '../panels/CallStack.js';

const tabs: BottomTab[] = ['output', 'variables', 'problems', 'callStack'];

/** Output, Variables and Problems under the canvas. */
export const BottomPanel = memo(function BottomPanel() {
  const { t } = useTranslation();
  const tab = useDesigner((s) => s.bottomTab);
  const setTab = useDesigner((s) => s.setBottomTab);
  const problemCount = useDesigner((s) => (s.active ? (s.problems[s.active]?.length ?? 0) : 0));
  return (
    <section className="bottom-panel nokey">
      <div role="tablist" className="bottom-tabs" aria-label={t('panels.output')}>
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} id={`tab-${name}`}>
            {t(`panels.${name}`)}
            {name === 'problems' && problemCount > 0 && <span className="badge">{problemCount}</span>}
          </button>
        ))}
      </div>
      <div className="bottom-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'output' && <Output />}
        {tab === 'variables' && <Variables />}
        {tab === 'problems' && <Problems />}
        {tab === 'callStack' && <CallStack />}
      </div>
    </section>
  );
});
