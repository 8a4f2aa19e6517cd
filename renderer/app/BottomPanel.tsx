import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import type { BottomTab } from '../store/ui.js';
import { Output } from '../panels/Output.js';
import { Variables } from '../panels/Variables.js';
import { Problems } from '../panels/Problems.js';
import { CallStack } from '../panels/CallStack.js';
import { Breakpoints } from '../panels/Breakpoints.js';
import { Watch } from '../panels/Watch.js';
import { Console } from '../panels/Console.js';
import { useDebugWorkspace } from '../actions/debugStorage.js';
import '../panels/debug.css';

const tabs: BottomTab[] = ['output', 'variables', 'problems', 'callStack', 'breakpoints', 'watch', 'console'];
/** The debugger's tabs have their labels in their own block of the messages. */
const debugTabs = new Set<BottomTab>(['breakpoints', 'watch', 'console']);

/** Output, Variables, Problems and the debugger's panels under the canvas. */
export const BottomPanel = memo(function BottomPanel() {
  const { t } = useTranslation();
  useDebugWorkspace();
  const tab = useDesigner((s) => s.bottomTab);
  const setTab = useDesigner((s) => s.setBottomTab);
  const problemCount = useDesigner((s) => (s.active ? (s.problems[s.active]?.length ?? 0) : 0));
  const breakpointCount = useDesigner((s) => Object.values(s.breakpoints).reduce((n, list) => n + list.length, 0));
  return (
    <section className="bottom-panel nokey">
      <div role="tablist" className="bottom-tabs" aria-label={t('panels.output')}>
        {tabs.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)} id={`tab-${name}`}>
            {debugTabs.has(name) ? t(`debugPanels.${name}`) : t(`panels.${name}`)}
            {name === 'problems' && problemCount > 0 && <span className="badge">{problemCount}</span>}
            {name === 'breakpoints' && breakpointCount > 0 && <span className="badge muted-badge">{breakpointCount}</span>}
          </button>
        ))}
      </div>
      <div className="bottom-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'output' && <Output />}
        {tab === 'variables' && <Variables />}
        {tab === 'problems' && <Problems />}
        {tab === 'callStack' && <CallStack />}
        {tab === 'breakpoints' && <Breakpoints />}
        {tab === 'watch' && <Watch />}
        {tab === 'console' && <Console />}
      </div>
    </section>
  );
});
